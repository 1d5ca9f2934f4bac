using Catalog.Indexer.Tests.Harvesting;
using Catalog.Testing;

namespace Catalog.Indexer.Tests.Cli;

/// <summary>What a person reads at a terminal: kinds as the docs spell them, a summary that fits 80 columns.</summary>
public sealed class CliOutputTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    private static readonly string Validation = Corpus.Path("great_expectations", "validation-results", "openlineage-airflow-tests", "validation_result.json");

    [Fact]
    public async Task A_kind_written_with_a_hyphen_runs_the_harvester_whose_kind_has_an_underscore()
    {
        var (exitCode, output) = await IndexerProcess.RunAsync(db.ConnectionString, null, null, "harvest", "great-expectations", Validation);

        Assert.NotEqual(2, exitCode);
        Assert.DoesNotContain("No harvester of kind", output, StringComparison.Ordinal);
        Assert.Contains("great_expectations · " + Validation, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_of_a_run_fits_an_80_column_terminal_without_wrapping_a_word()
    {
        var (exitCode, output) = await IndexerProcess.RunAsync(db.ConnectionString, new Dictionary<string, string> { ["COLUMNS"] = "80" }, null,
            "harvest", "openlineage", Corpus.Path("openlineage", "events", "marquez", "seed", "metadata.json"));

        Assert.True(exitCode == 0, output);
        var table = output.Split('\n').Where(l => l.Contains('│', StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(table);
        Assert.All(table, line => Assert.True(line.TrimEnd('\r').Length <= 80, $"{line.Length} columns: {line}"));
        Assert.Contains(table, line => line.Contains("status", StringComparison.Ordinal) && line.Contains("succeeded", StringComparison.Ordinal));
        Assert.Contains(table, line => line.Contains("of which still failing", StringComparison.Ordinal));
    }
}
