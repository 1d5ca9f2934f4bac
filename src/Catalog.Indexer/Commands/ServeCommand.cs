using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Catalog.Indexer.Commands;

/// <summary>One scheduled harvest from <c>Catalog:Indexer:Schedules</c>.</summary>
public sealed class HarvestSchedule
{
    public string Kind { get; set; } = "";
    public string Target { get; set; } = "";
    public int IntervalMinutes { get; set; } = 60;
}

/// <summary><c>serve</c>: runs the configured schedules until stopped; each schedule runs at start and then every interval.</summary>
internal static class ServeCommand
{
    public const string Section = "Catalog:Indexer:Schedules";

    public static Command Create(IConfiguration configuration)
    {
        var command = new Command("serve", $"Run the harvests scheduled under {Section} until stopped");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var schedules = configuration.GetSection(Section).Get<List<HarvestSchedule>>() ?? [];
            var problems = schedules.Select((s, i) => (s, i))
                .Where(x => string.IsNullOrWhiteSpace(x.s.Kind) || string.IsNullOrWhiteSpace(x.s.Target) || x.s.IntervalMinutes < 1)
                .Select(x => $"{Section}:{x.i} needs a kind, a target and intervalMinutes >= 1").ToList();
            if (schedules.Count == 0) problems.Add($"nothing is scheduled: add entries {{kind, target, intervalMinutes}} under {Section}");
            if (problems.Count > 0)
            {
                foreach (var problem in problems) AnsiConsole.MarkupLine($"[red]{Markup.Escape(problem)}[/]");
                return 2;
            }
            await using var services = await IndexerHost.StartAsync(configuration, migrate: true, cancellationToken);
            var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
            var due = schedules.ToDictionary(s => s, _ => clock.GetUtcNow());
            while (!cancellationToken.IsCancellationRequested)
            {
                foreach (var schedule in schedules.Where(s => due[s] <= clock.GetUtcNow()))
                {
                    await HarvestCommands.RunOnceAsync(services, schedule.Kind, schedule.Target, false, cancellationToken);
                    due[schedule] = clock.GetUtcNow().AddMinutes(schedule.IntervalMinutes);
                }
                try { await Task.Delay(TimeSpan.FromSeconds(5), clock, cancellationToken); }
                catch (OperationCanceledException) { break; }
            }
            return 0;
        });
        return command;
    }
}
