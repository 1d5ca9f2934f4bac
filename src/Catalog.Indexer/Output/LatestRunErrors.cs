using Catalog.Plugins.Harvesting;
using Npgsql;
using Spectre.Console;

namespace Catalog.Indexer.Output;

/// <summary>
/// <c>status --errors</c>: the errors of the latest harvest run (push windows excluded), each with its raw input.
/// A table on a terminal; one plain line per error when the output is a file, a pipe or a CI log, so long paths are
/// never wrapped mid-name and every error can be found with grep.
/// </summary>
internal static class LatestRunErrors
{
    public static async Task WriteAsync(NpgsqlDataSource dataSource, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH latest AS (SELECT id, harvester, target, error_count FROM harvest_runs WHERE push_window IS NULL ORDER BY started_at DESC LIMIT 1)
            SELECT l.harvester, l.target, l.error_count, e.location, e.position, e.reason, e.raw_input_id
            FROM latest l LEFT JOIN harvest_errors e ON e.run_id = l.id ORDER BY e.id LIMIT $1
            """);
        command.Parameters.AddWithValue(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("location", "position", "reason", "raw input");
        var lines = new List<string>();
        string? title = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            title ??= $"errors of the latest run: {reader.GetString(0)} {SecretRedaction.Redact(reader.GetString(1))} ({reader.GetInt32(2)} errors{(reader.GetInt32(2) > limit ? $", first {limit} shown" : "")})";
            if (reader.IsDBNull(5)) continue;
            // Stored redacted; redacted again on the way out, for rows another (older) indexer wrote.
            var (location, position, reason) = (SecretRedaction.Redact(reader.GetString(3)), reader.IsDBNull(4) ? "" : SecretRedaction.Redact(reader.GetString(4)), SecretRedaction.Redact(reader.GetString(5)));
            var rawInput = reader.IsDBNull(6) ? "" : $"{reader.GetInt64(6)}";
            table.AddRow(Markup.Escape(location), Markup.Escape(position), Markup.Escape(reason), rawInput);
            lines.Add($"  {location}{(position.Length > 0 ? $" ({position})" : "")}: {reason}{(rawInput.Length > 0 ? $" [raw input {rawInput}]" : "")}");
        }
        if (title is null)
        {
            AnsiConsole.WriteLine("No harvest runs yet.");
            return;
        }
        if (lines.Count == 0)
        {
            AnsiConsole.WriteLine($"{title}: none.");
        }
        else if (Console.IsOutputRedirected)
        {
            Console.Out.WriteLine(title + ":");
            foreach (var line in lines) Console.Out.WriteLine(line);
        }
        else
        {
            AnsiConsole.Write(table.Title(Markup.Escape(title)));
        }
    }
}
