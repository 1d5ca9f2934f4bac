using Catalog.Indexer.Tests.HarvestFormats;
using Catalog.Plugins.Dbt;
using Catalog.Plugins.Harvesting;
using Catalog.Testing;
using Microsoft.Extensions.Options;

namespace Catalog.Indexer.Tests.Dbt;

internal static class DbtTestHarvest
{
    public static string File(params string[] parts) => Corpus.Path(["dbt", .. parts]);

    public static async Task<RecordingSink> RunAsync(string target, RecordingSink? sink = null)
    {
        sink ??= new RecordingSink();
        await new DbtHarvester(Options.Create(new DbtOptions())).HarvestAsync(new HarvestContext(target, sink), CancellationToken.None);
        return sink;
    }
}
