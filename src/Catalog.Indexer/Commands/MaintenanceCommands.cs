using System.CommandLine;
using Catalog.Harvesting;
using Catalog.Indexer.Output;
using Catalog.Plugins.Harvesting;
using Catalog.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Spectre.Console;

namespace Catalog.Indexer.Commands;

/// <summary><c>replay</c>, <c>status</c> and <c>migrate</c>.</summary>
internal static class MaintenanceCommands
{
    public static Command Replay(IConfiguration configuration)
    {
        var failed = new Option<bool>("--failed") { Description = "Replay every raw input whose processing failed or was interrupted, and those still pending after Catalog:Harvesting:AbandonAfterMinutes (left by a process that died)" };
        var id = new Option<long?>("--id") { Description = "Replay one raw input by id" };
        var command = new Command("replay", "Process stored raw inputs again (after a fix, or to retry failures)") { failed, id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!parse.GetValue(failed) && parse.GetValue(id) is null)
            {
                AnsiConsole.MarkupLine("[red]Say what to replay:[/] --failed or --id N.");
                return 2;
            }
            await using var services = await IndexerHost.StartAsync(configuration, migrate: true, cancellationToken);
            var replayer = services.GetRequiredService<RawInputReplayer>();
            var inputs = await replayer.FindAsync(parse.GetValue(id), parse.GetValue(failed), 10_000, cancellationToken);
            if (inputs.Count == 0)
            {
                AnsiConsole.WriteLine("Nothing to replay.");
                return parse.GetValue(id) is null ? 0 : 2;
            }
            var summary = await ProgressDisplay.RunAsync("replay", progress => replayer.ReplayAsync(inputs, progress, cancellationToken));
            SummaryTable.Write(summary);
            return SummaryTable.ExitCode(summary);
        });
        return command;
    }

    public static Command Status(IConfiguration configuration)
    {
        var limit = new Option<int>("--limit") { Description = "How many recent runs", DefaultValueFactory = _ => 15 };
        var errors = new Option<bool>("--errors") { Description = "Also list the errors of the latest run (location, position, reason)" };
        var command = new Command("status", "Recent harvest runs and inputs waiting for replay") { limit, errors };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await IndexerHost.StartAsync(configuration, migrate: true, cancellationToken);
            var dataSource = services.GetRequiredService<NpgsqlDataSource>();
            var abandoned = await services.GetRequiredService<HarvestEngine>().StuckRuns.AbandonAsync(cancellationToken);
            if (abandoned.Count > 0) AnsiConsole.MarkupLine($"[yellow]{abandoned.Count} runs left running by a stopped process were marked abandoned.[/]");
            var table = new Table().Border(TableBorder.Rounded).Title("recent harvest runs");
            table.AddColumns("started (UTC)", "harvester", "target", "status", "inputs", "unchanged", "failed", "items", "removed", "errors");
            await using (var command = dataSource.CreateCommand("""
                SELECT started_at, harvester, target, status, inputs_seen, inputs_skipped, inputs_failed, items_applied, entities_removed, error_count
                FROM harvest_runs ORDER BY started_at DESC LIMIT $1
                """))
            {
                command.Parameters.AddWithValue(parse.GetValue(limit));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    table.AddRow(reader.GetDateTime(0).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                        Markup.Escape(reader.GetString(1)), Markup.Escape(Shorten(SecretRedaction.Redact(reader.GetString(2)))), SummaryTable.StatusMarkup(reader.GetString(3)),
                        $"{reader.GetInt32(4)}", $"{reader.GetInt32(5)}", $"{reader.GetInt32(6)}", $"{reader.GetInt32(7)}", $"{reader.GetInt32(8)}", $"{reader.GetInt32(9)}");
            }
            AnsiConsole.Write(table);
            await using (var failedInputs = dataSource.CreateCommand("""
                SELECT count(*) FILTER (WHERE status = 'failed'), count(*) FILTER (WHERE status = 'pending' AND received_at < now() - make_interval(mins => $1))
                FROM raw_inputs WHERE status IN ('failed', 'pending')
                """))
            {
                failedInputs.Parameters.AddWithValue(services.GetRequiredService<IOptions<HarvestingOptions>>().Value.AbandonAfterMinutes);
                await using var reader = await failedInputs.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                AnsiConsole.WriteLine($"{reader.GetInt64(0)} raw inputs failed and {reader.GetInt64(1)} were left pending by a stopped process " +
                    "(replay them with `catalog-indexer replay --failed`).");
            }
            if (parse.GetValue(errors)) await LatestRunErrors.WriteAsync(dataSource, parse.GetValue(limit) * 20, cancellationToken);
            return 0;
        });
        return command;
    }

    public static Command Migrate(IConfiguration configuration)
    {
        var command = new Command("migrate", "Apply db/migrations to the catalog database");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await IndexerHost.StartAsync(configuration, migrate: false, cancellationToken);
            var report = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken: cancellationToken);
            AnsiConsole.WriteLine($"Schema at {report.Total} migrations; applied now: {(report.Applied.Count == 0 ? "none" : string.Join(", ", report.Applied))}.");
            return 0;
        });
        return command;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : "…" + text[^59..];
}
