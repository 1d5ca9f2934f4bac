using Catalog.Indexer.Tests.HarvestFormats;
using Catalog.Plugins.Avro;
using Catalog.Plugins.Avro.Harvesting;
using Catalog.Plugins.Harvesting;
using Catalog.Testing;
using Microsoft.Extensions.Options;

namespace Catalog.Indexer.Tests.Avro;

internal static class AvroTestHarvest
{
    public static string File(params string[] parts) => Corpus.Path(["avro", .. parts]);

    public static async Task<RecordingSink> RunAsync(string target, RecordingSink? sink = null, Dictionary<string, string>? options = null)
    {
        sink ??= new RecordingSink();
        var harvester = new AvroHarvester(Options.Create(new AvroOptions()));
        await harvester.HarvestAsync(new HarvestContext(target, sink, options: options), CancellationToken.None);
        return sink;
    }
}
