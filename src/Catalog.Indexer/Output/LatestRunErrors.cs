using Npgsql;
using Spectre.Console;

namespace Catalog.Indexer.Output;

/// <summary><c>status --errors</c>: the errors of the latest harvest run (push windows excluded), each with its raw input.</summary>
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
        string? title = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            title ??= $"errors of the latest run: {reader.GetString(0)} {reader.GetString(1)} ({reader.GetInt32(2)} errors{(reader.GetInt32(2) > limit ? $", first {limit} shown" : "")})";
            if (reader.IsDBNull(5)) continue;
            table.AddRow(Markup.Escape(reader.GetString(3)), Markup.Escape(reader.IsDBNull(4) ? "" : reader.GetString(4)),
                Markup.Escape(reader.GetString(5)), reader.IsDBNull(6) ? "" : $"{reader.GetInt64(6)}");
        }
        if (title is null)
        {
            AnsiConsole.WriteLine("No harvest runs yet.");
            return;
        }
        table.Title(Markup.Escape(title));
        if (table.Rows.Count == 0) AnsiConsole.WriteLine($"{title}: none.");
        else AnsiConsole.Write(table);
    }
}
