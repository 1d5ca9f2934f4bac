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
        var runner = new HarvestRunner([harvester], Db.Engine(), NullLogger<HarvestRunner>.Instance);
        var root = Corpus.Path("openlineage");
        FilesInCorpus = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Count(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal) || f.EndsWith(".ndjson", StringComparison.Ordinal));
        Summary = await runner.RunAsync("openlineage", root);
    }

    public Task DisposeAsync() => Db.DisposeAsync();
}
