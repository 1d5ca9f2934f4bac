using Catalog.Plugins.Harvesting;
using Catalog.Plugins.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Catalog.Indexer.Tests.Descriptors;

/// <summary>The descriptors and postgres harvesters as the host loads them: discovered, configured from Plugins:{id}, resolvable.</summary>
public sealed class HarvesterPluginRegistrationTests
{
    private static ServiceProvider Load(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.LoadPlugins(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), NullLogger.Instance);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task The_host_finds_both_harvesters_and_the_descriptors_one_honours_its_configuration()
    {
        // Only *.yml files: the sample catalog's *.yaml files are then not descriptors at all.
        await using var provider = Load(new() { ["Plugins:descriptors:FilePatterns:0"] = "*.yml" });
        var harvesters = provider.GetServices<IHarvester>().ToDictionary(h => h.Kind);

        Assert.Contains("postgres", harvesters.Keys);
        var sink = new RecordingHarvestSink();
        await harvesters["descriptors"].HarvestAsync(new HarvestContext(SampleCatalogDescriptorTests.SampleRoot, sink), CancellationToken.None);
        Assert.Empty(sink.Batches);
    }

    [Fact]
    public async Task With_defaults_the_registered_descriptors_harvester_reads_the_sample_catalog()
    {
        await using var provider = Load([]);
        var harvester = provider.GetServices<IHarvester>().Single(h => h.Kind == "descriptors");

        var sink = new RecordingHarvestSink();
        await harvester.HarvestAsync(new HarvestContext(SampleCatalogDescriptorTests.SampleRoot, sink), CancellationToken.None);

        Assert.Empty(sink.AllErrors);
        Assert.Equal(39, sink.ItemsOf<DatasetFound>().Count());
    }
}
