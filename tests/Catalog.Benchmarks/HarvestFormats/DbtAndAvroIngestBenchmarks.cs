using BenchmarkDotNet.Attributes;
using Catalog.Plugins.Avro.Harvesting;
using Catalog.Plugins.Dbt;
using Catalog.Plugins.Dbt.Manifest;
using Catalog.Testing;

namespace Catalog.Benchmarks.HarvestFormats;

/// <summary>
/// Parse-and-map throughput of the dbt and Avro harvesters on the corpus's largest real inputs, without a database
/// (the store's cost is the harvest engine's benchmark). One operation = one manifest read and turned into items.
/// Run: CATALOG_CORPUS=/path/to/corpus dotnet run -c Release --project tests/Catalog.Benchmarks -- --filter '*DbtAndAvroIngest*'
/// </summary>
[MemoryDiagnoser]
public class DbtAndAvroIngestBenchmarks
{
    private readonly Dictionary<string, byte[]> manifests = [];

    [Params("v12/jaffle_shop/manifest_1.9.json", "v11/jaffle_shop/manifest.json", "v9/jaffle_shop_at_1.5rc1/manifest.json")]
    public string Manifest { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        foreach (var name in new[] { "v12/jaffle_shop/manifest_1.9.json", "v11/jaffle_shop/manifest.json", "v9/jaffle_shop_at_1.5rc1/manifest.json" })
            manifests[name] = File.ReadAllBytes(Corpus.Path(["dbt", "dbt-artifacts-parser-jaffle-shop", "manifest", .. name.Split('/')]));
    }

    [Benchmark(Description = "dbt manifest → items")]
    public int DbtManifest()
    {
        var manifest = ManifestReader.Read(manifests[Manifest]);
        var items = new ManifestItems(manifest, new DbtNaming(manifest.Adapter ?? "dbt", "dbt"), new DbtOptions());
        return items.All().Count();
    }

    [Benchmark(Description = "Avro large_schema.avsc (386 KB) parse")]
    public int AvroLargeSchema()
    {
        var files = AvroHarvester.Discover(Corpus.Path("avro", "apache-avro", "large", "large_schema.avsc"), [".avsc"])!;
        AvroSourceLoader.Resolve(files);
        return files.Count;
    }
}
