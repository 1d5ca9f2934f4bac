using System.Globalization;
using Npgsql;

namespace Catalog.Plugins.Governance.Audit;

/// <summary>Filters for the audit page and its CSV export. Empty filters match everything.</summary>
public sealed record AuditFilter
{
    public string? Actor { get; init; }
    public string? Action { get; init; }
    public string? Target { get; init; }
    /// <summary>Free text over actor, action, target, reason and the before/after JSON.</summary>
    public string? Text { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public bool? Succeeded { get; init; }
    /// <summary>Show events with a sequence below this (keyset paging, newest first).</summary>
    public long? Before { get; init; }
    public int Limit { get; init; } = 50;
}

public sealed record AuditRow(long Sequence, DateTimeOffset OccurredAt, string Actor, string Action, string? Target,
    string? Before, string? After, string? Reason, bool Succeeded, string? Hash);

/// <summary>Reads the audit trail for auditors: search, filter, page, export.</summary>
public sealed class AuditQuery(NpgsqlDataSource dataSource)
{
    public const int MaxPageSize = 500;

    public async Task<IReadOnlyList<AuditRow>> SearchAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = new List<AuditRow>();
        await foreach (var row in StreamAsync(filter with { Limit = Math.Clamp(filter.Limit, 1, MaxPageSize) }, cancellationToken))
            rows.Add(row);
        return rows;
    }

    public async IAsyncEnumerable<AuditRow> StreamAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT sequence, occurred_at, actor, action, target, before::text, after::text, reason, succeeded, encode(hash, 'hex')
            FROM audit_events
            WHERE (@actor::text IS NULL OR actor = @actor)
              AND (@action::text IS NULL OR action = @action OR action LIKE @action || '.%')
              AND (@target::text IS NULL OR target = @target)
              AND (@text::text IS NULL OR concat_ws(' ', actor, action, target, reason, before::text, after::text) ILIKE '%' || @text || '%')
              AND (@from::timestamptz IS NULL OR occurred_at >= @from)
              AND (@to::timestamptz IS NULL OR occurred_at < @to)
              AND (@succeeded::boolean IS NULL OR succeeded = @succeeded)
              AND (@before::bigint IS NULL OR sequence < @before)
            ORDER BY sequence DESC
            LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("actor", NpgsqlTypes.NpgsqlDbType.Text, Blank(filter.Actor));
        command.Parameters.AddWithValue("action", NpgsqlTypes.NpgsqlDbType.Text, Blank(filter.Action));
        command.Parameters.AddWithValue("target", NpgsqlTypes.NpgsqlDbType.Text, Blank(filter.Target));
        command.Parameters.AddWithValue("text", NpgsqlTypes.NpgsqlDbType.Text, Blank(EscapeLike(filter.Text)));
        command.Parameters.AddWithValue("from", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)filter.From ?? DBNull.Value);
        command.Parameters.AddWithValue("to", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)filter.To ?? DBNull.Value);
        command.Parameters.AddWithValue("succeeded", NpgsqlTypes.NpgsqlDbType.Boolean, (object?)filter.Succeeded ?? DBNull.Value);
        command.Parameters.AddWithValue("before", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)filter.Before ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", filter.Limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return new AuditRow(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetBoolean(8), reader.IsDBNull(9) ? null : reader.GetString(9));
    }

    /// <summary>RFC 4180 CSV: every field quoted, quotes doubled, and cells a spreadsheet would run as a formula defused.</summary>
    public async Task WriteCsvAsync(AuditFilter filter, TextWriter output, CancellationToken cancellationToken = default)
    {
        await output.WriteLineAsync("sequence,occurred_at,actor,action,target,succeeded,reason,before,after,hash");
        await foreach (var r in StreamAsync(filter with { Limit = int.MaxValue }, cancellationToken))
        {
            var fields = new[]
            {
                r.Sequence.ToString(CultureInfo.InvariantCulture), r.OccurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                r.Actor, r.Action, r.Target, r.Succeeded ? "true" : "false", r.Reason, r.Before, r.After, r.Hash,
            };
            await output.WriteLineAsync(string.Join(',', fields.Select(Quote)));
        }
    }

    internal static string Quote(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r') v = "'" + v;
        return '"' + v.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
    }

    private static object Blank(string? value) => string.IsNullOrWhiteSpace(value) ? DBNull.Value : value.Trim();

    private static string? EscapeLike(string? value) =>
        value?.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
