using Catalog.Harvesting;
using Spectre.Console;

namespace Catalog.Indexer.Output;

/// <summary>The summary of one run and, when something failed, what failed (metadata is escaped: it is untrusted).</summary>
internal static class SummaryTable
{
    public static void Write(HarvestRunSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"{Markup.Escape(summary.Harvester)} · {Markup.Escape(summary.Target)}");
        table.AddColumns("status", "inputs", "unchanged", "failed", "of which still failing", "items applied", "removed", "errors", "time");
        table.AddRow(StatusMarkup(summary.Status), $"{summary.InputsSeen}", $"{summary.InputsSkipped}", $"{summary.InputsFailed}", $"{summary.InputsStillFailing}",
            $"{summary.ItemsApplied}", $"{summary.EntitiesRemoved}", $"{summary.ErrorCount}", $"{summary.Elapsed.TotalSeconds:0.0}s");
        AnsiConsole.Write(table);
        if (summary.ErrorCount == 0) return;
        AnsiConsole.MarkupLine($"[yellow]{summary.ErrorCount} problems[/] (run {summary.RunId}; all are in harvest_errors, `catalog-indexer status` lists runs):");
        // Plain writes: an error names a file and a position, and a wrapped path cannot be searched for.
        foreach (var error in summary.Errors.Take(20)) Console.WriteLine($"  {error}");
        if (summary.ErrorCount > 20) Console.WriteLine($"  … and {summary.ErrorCount - 20} more");
    }

    public static string StatusMarkup(HarvestRunStatus status) => StatusMarkup(status.ToWire());

    public static string StatusMarkup(string status) => status switch
    {
        "succeeded" => "[green]succeeded[/]",
        "partial" => "[yellow]partial[/]",
        "failed" => "[red]failed[/]",
        "abandoned" => "[red]abandoned[/]",
        _ => Markup.Escape(status),
    };

    /// <summary>0 only when nothing failed; 1 when some input or item failed; 2 when the run itself failed.</summary>
    public static int ExitCode(HarvestRunSummary summary) => summary.Status switch
    {
        HarvestRunStatus.Succeeded => 0,
        HarvestRunStatus.Partial => 1,
        _ => 2,
    };
}
