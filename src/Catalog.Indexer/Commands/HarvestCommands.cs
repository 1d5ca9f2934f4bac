using System.CommandLine;
using Catalog.Harvesting;
using Catalog.Indexer.Output;
using Catalog.Plugins.Harvesting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Catalog.Indexer.Commands;

/// <summary><c>harvest</c> and <c>watch</c>: run a harvester by kind over a path or connection string.</summary>
internal static class HarvestCommands
{
    public static Command Harvest(IConfiguration configuration)
    {
        var kind = new Argument<string>("kind") { Description = "Harvester kind: openlineage, dbt, avro, descriptors, postgres, great_expectations… (- and _ alike)" };
        var target = new Argument<string>("target") { Description = "A file, a directory, or a connection string, as the harvester documents" };
        var force = new Option<bool>("--force") { Description = "Process inputs even when their content is unchanged since the last run" };
        var passwordFile = new Option<string?>("--password-file")
        {
            Description = "A file whose first line is the target's password, so it need not be on the command line (postgres; PGPASSWORD and PGPASSFILE work too)",
        };
        var command = new Command("harvest", "Harvest one source now and print a summary") { kind, target, force, passwordFile };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await IndexerHost.StartAsync(configuration, migrate: true, cancellationToken);
            var options = parse.GetValue(passwordFile) is { } file ? new Dictionary<string, string> { [HarvestOptionNames.PasswordFile] = file } : null;
            return await RunOnceAsync(services, parse.GetValue(kind)!, parse.GetValue(target)!, parse.GetValue(force), cancellationToken, options);
        });
        return command;
    }

    public static Command Watch(IConfiguration configuration)
    {
        var kind = new Argument<string>("kind") { Description = "Harvester kind" };
        var directory = new Argument<string>("directory") { Description = "Directory to harvest again and again (unchanged files are skipped)" };
        var interval = new Option<int>("--interval") { Description = "Seconds between passes", DefaultValueFactory = _ => 30 };
        var command = new Command("watch", "Harvest a directory every --interval seconds until stopped (Ctrl+C)") { kind, directory, interval };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await IndexerHost.StartAsync(configuration, migrate: true, cancellationToken);
            var worst = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                worst = Math.Max(worst, await RunOnceAsync(services, parse.GetValue(kind)!, parse.GetValue(directory)!, false, cancellationToken));
                try { await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(interval))), cancellationToken); }
                catch (OperationCanceledException) { break; }
            }
            return worst;
        });
        return command;
    }

    public static async Task<int> RunOnceAsync(IServiceProvider services, string kind, string target, bool force, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? options = null)
    {
        var runner = services.GetRequiredService<HarvestRunner>();
        if (runner.Find(kind) is null)
        {
            AnsiConsole.MarkupLine($"[red]No harvester of kind '{Markup.Escape(kind)}'.[/] Installed: {Markup.Escape(string.Join(", ", runner.Harvesters.Select(h => h.Kind).Order()))}");
            return 2;
        }
        var summary = await ProgressDisplay.RunAsync($"{kind} {SecretRedaction.Redact(target)}",
            progress => runner.RunAsync(kind, target, force, progress, options, cancellationToken));
        SummaryTable.Write(summary);
        return SummaryTable.ExitCode(summary);
    }
}
