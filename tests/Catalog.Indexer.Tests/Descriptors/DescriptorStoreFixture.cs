using Catalog.Harvesting;
using Catalog.Indexer.Tests.Harvesting;
using Catalog.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Catalog.Indexer.Tests.Descriptors;

/// <summary>Harvests Backstage's example catalog and the shipped sample catalog into one fresh database, through the real engine.</summary>
public sealed class DescriptorStoreFixture : IAsyncLifetime
{
    public HarvestDatabase Db { get; } = new();
    public HarvestRunSummary Examples { get; private set; } = null!;
    public HarvestRunSummary Sample { get; private set; } = null!;
    public HarvestRunner Runner { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        Runner = new HarvestRunner([DescriptorHarvest.CreateHarvester()], Db.Engine(), NullLogger<HarvestRunner>.Instance);
        Examples = await Runner.RunAsync("descriptors", Corpus.Path("backstage", "backstage-catalog-model-examples"));
        Sample = await Runner.RunAsync("descriptors", SampleCatalogDescriptorTests.SampleRoot);
    }

    public Task DisposeAsync() => Db.DisposeAsync();
}
