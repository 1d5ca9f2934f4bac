using Catalog.Harvesting;
using Catalog.Indexer.Tests.Harvesting;
using Catalog.Plugins.OpenLineage;
using Catalog.Plugins.OpenLineage.Files;
using Catalog.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Catalog.Indexer.Tests.OpenLineage;

/// <summary>Harvests the corpus's whole openlineage folder once into a fresh database; tests assert on the result.</summary>
public sealed class OpenLineageCorpusFixture : IAsyncLifetime
{
    public HarvestDatabase Db { get; } = new();
    public HarvestRunSummary Summary { get; private set; } = null!;
    public int FilesInCorpus { get; private set; }

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        var harvester = new OpenLineageFileHarvester(Options.Create(new OpenLineageOptions()));
        // OpenLineage files set no governance facts by default; the Airflow host's namespace is configured to let them set
        // owners, as a deployment that trusts its own scheduler would (Catalog:Harvesting:Trust:Namespaces).
        var trust = Harvesting.HarvestDatabase.TestTrust();
        trust.Namespaces["http://airflow-host:8081"] = new() { ["openlineage"] = new() { Sets = ["owner"] } };
        var engine = new HarvestEngine(Db.DataSource, Options.Create(new HarvestingOptions()), Options.Create(trust), audit: null);
        var runner = new HarvestRunner([harvester], engine, NullLogger<HarvestRunner>.Instance);
        var root = Corpus.Path("openlineage");
        FilesInCorpus = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Count(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal) || f.EndsWith(".ndjson", StringComparison.Ordinal));
        Summary = await runner.RunAsync("openlineage", root);
    }

    public Task DisposeAsync() => Db.DisposeAsync();
}
