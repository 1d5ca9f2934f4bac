using Catalog.Plugins.Descriptors;
using Catalog.Plugins.Harvesting;
using Microsoft.Extensions.Options;

namespace Catalog.Indexer.Tests.Descriptors;

/// <summary>Runs the real descriptors harvester over a path and returns what it reported.</summary>
public static class DescriptorHarvest
{
    public static DescriptorHarvester CreateHarvester(DescriptorsOptions? options = null) =>
        new(Options.Create(options ?? new DescriptorsOptions()), DescriptorMappers.BuiltIn);

    public static async Task<RecordingHarvestSink> RunAsync(string target, DescriptorsOptions? options = null)
    {
        var sink = new RecordingHarvestSink();
        await CreateHarvester(options).HarvestAsync(new HarvestContext(target, sink), CancellationToken.None);
        return sink;
    }
}
