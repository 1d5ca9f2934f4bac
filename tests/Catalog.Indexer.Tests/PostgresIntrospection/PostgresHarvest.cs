using Catalog.Indexer.Tests.Descriptors;
using Catalog.Plugins.Harvesting;
using Catalog.Plugins.PostgresIntrospection;
using Microsoft.Extensions.Options;

namespace Catalog.Indexer.Tests.PostgresIntrospection;

public static class PostgresHarvest
{
    public static PostgresHarvester CreateHarvester(PostgresIntrospectionOptions? options = null) => new(Options.Create(options ?? new PostgresIntrospectionOptions()));

    public static async Task<RecordingHarvestSink> RunAsync(string connectionString, PostgresIntrospectionOptions? options = null)
    {
        var sink = new RecordingHarvestSink();
        await CreateHarvester(options).HarvestAsync(new HarvestContext(connectionString, sink), CancellationToken.None);
        return sink;
    }
}
