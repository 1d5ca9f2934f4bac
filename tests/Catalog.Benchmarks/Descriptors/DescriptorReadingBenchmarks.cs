using BenchmarkDotNet.Attributes;
using Catalog.Plugins.Descriptors;
using Catalog.Plugins.Descriptors.Locations;
using Catalog.Testing;

namespace Catalog.Benchmarks.Descriptors;

/// <summary>
/// Read-validate-map throughput of the descriptors harvester without a database (the store's cost is the engine's
/// benchmark): one operation reads every YAML file under the folder, follows Locations and maps every document.
/// Run: CATALOG_CORPUS=/path/to/corpus dotnet run -c Release --project tests/Catalog.Benchmarks -- --filter '*DescriptorReading*'
/// </summary>
[MemoryDiagnoser]
public class DescriptorReadingBenchmarks
{
    private readonly DescriptorsOptions options = new();

    [Params("backstage", "samples/catalog")]
    public string Tree { get; set; } = "";

    private string Root => Tree == "backstage"
        ? Corpus.Path("backstage")
        : Path.Combine(Catalog.Storage.RepositoryPaths.FindRoot()!, "samples", "catalog");

    [Benchmark(Description = "descriptor tree → items")]
    public int ReadTree()
    {
        var set = DescriptorSet.Read(Root, DescriptorTree.Files(Root, options), options, DescriptorMappers.BuiltIn);
        return set.Files.Sum(f => f.Documents.Sum(d => d.Items.Count));
    }
}
