using Catalog.Harvesting;
using Spectre.Console;

namespace Catalog.Indexer.Output;

/// <summary>The summary of one run and, when something failed, what failed (metadata is escaped: it is untrusted).</summary>
internal static class SummaryTable
{
    /// <summary>
    /// One row per measure, so the table is as narrow as its longest label and value and fits an 80-column terminal
    /// (nine columns side by side did not: "succeeded" wrapped). The title is a plain line: a long target path stays
    /// on one line, searchable.
    /// </summary>
    public static void Write(HarvestRunSummary summary)
    {
        Console.WriteLine($"{summary.Harvester} · {summary.Target}");
        var table = new Table().Border(TableBorder.Rounded).HideHeaders();
        table.AddColumn(new TableColumn("measure").NoWrap());
        table.AddColumn(new TableColumn("value").NoWrap().RightAligned());
        table.AddRow("status", StatusMarkup(summary.Status));
        table.AddRow("inputs", $"{summary.InputsSeen}");
        table.AddRow("unchanged", $"{summary.InputsSkipped}");
        table.AddRow("failed", $"{summary.InputsFailed}");
        table.AddRow("of which still failing", $"{summary.InputsStillFailing}");
        table.AddRow("items applied", $"{summary.ItemsApplied}");
        table.AddRow("removed", $"{summary.EntitiesRemoved}");
        table.AddRow("errors", $"{summary.ErrorCount}");
        table.AddRow("time", $"{summary.Elapsed.TotalSeconds:0.0}s");
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
