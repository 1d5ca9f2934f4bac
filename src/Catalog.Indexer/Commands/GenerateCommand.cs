using System.CommandLine;
using System.Globalization;
using Catalog.Generator;
using Catalog.Indexer.Output;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spectre.Console;

namespace Catalog.Indexer.Commands;

/// <summary><c>generate</c>: load a deterministic synthetic catalog (for benchmarks, demos and load tests).</summary>
internal static class GenerateCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var profile = new Option<string>("--profile") { Description = "small (seconds), medium, or default (Spotify scale)", DefaultValueFactory = _ => "small" };
        var seed = new Option<int>("--seed") { Description = "Same seed and profile, same catalog", DefaultValueFactory = _ => 42 };
        var triggers = new Option<bool>("--search-triggers")
        {
            Description = "Let the search triggers index rows as they load (default: skip them during COPY and rebuild search documents once at the end)",
        };
        var command = new Command("generate", "Load a generated catalog (teams, workflows, endpoints, columns, lineage, runs, partitions, policies) into an empty catalog")
            { profile, seed, triggers };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (GeneratorProfile.Find(parse.GetValue(profile)!) is not { } chosen)
            {
                AnsiConsole.MarkupLine($"[red]Unknown profile[/] '{Markup.Escape(parse.GetValue(profile)!)}': use one of {string.Join(", ", GeneratorProfile.All.Select(p => p.Name))}.");
                return 2;
            }
            await using var services = await IndexerHost.StartAsync(configuration, migrate: true, cancellationToken);
            var generator = new CatalogGenerator(services.GetRequiredService<NpgsqlDataSource>());
            // Runs and partitions are anchored on the host's clock (not DateTime.UtcNow) so a test can pin the day.
            var today = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime.Date;
            var shape = new CatalogShape(chosen, parse.GetValue(seed));
            var search = parse.GetValue(triggers) ? SearchIndexing.Triggers : SearchIndexing.Rebuild;
            try
            {
                var report = await GeneratorProgressDisplay.RunAsync(
                    progress => generator.GenerateAsync(shape, search, today, progress, cancellationToken));
                Write(report);
                return 0;
            }
            catch (InvalidOperationException e)
            {
                AnsiConsole.MarkupLine($"[red]Nothing generated:[/] {Markup.Escape(e.Message)}");
                return 2;
            }
        });
        return command;
    }

    private static void Write(GenerationReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"generated '{report.Profile}' (seed {report.Seed}), search documents by {report.Search.ToString().ToLowerInvariant()}");
        table.AddColumns("stage", "rows", "seconds", "rows/s");
        foreach (var stage in report.Stages)
            table.AddRow(stage.Stage, N(stage.Rows), stage.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture), N((long)stage.RowsPerSecond));
        table.AddRow("[bold]total[/]", N(report.Rows), report.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture), N((long)report.RowsPerSecond));
        AnsiConsole.Write(table);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
