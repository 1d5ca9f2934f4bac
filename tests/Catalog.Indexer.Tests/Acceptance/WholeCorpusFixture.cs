using Catalog.Harvesting;
using Catalog.Indexer.Tests.Descriptors;
using Catalog.Indexer.Tests.Harvesting;
using Catalog.Plugins.Avro;
using Catalog.Plugins.Avro.Harvesting;
using Catalog.Plugins.Dbt;
using Catalog.Plugins.GreatExpectations;
using Catalog.Plugins.Harvesting;
using Catalog.Plugins.OpenLineage;
using Catalog.Plugins.OpenLineage.Files;
using Catalog.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Catalog.Indexer.Tests.Acceptance;

/// <summary>
/// Harvests ALL of ../shared/corpus into one database, each folder with its harvester, as `catalog-indexer harvest`
/// would. Pagila and Northwind (live PostgreSQL) are covered by the PostgresIntrospection tests, which load them into
/// their own clusters; they are not repeated here to keep this under a minute.
/// </summary>
public sealed class WholeCorpusFixture : IAsyncLifetime
{
    public static readonly (string Kind, string Folder)[] Sources =
    [
        ("openlineage", "openlineage"), ("dbt", "dbt"), ("avro", "avro"), ("descriptors", "backstage"), ("great_expectations", "great_expectations"),
    ];

    public HarvestDatabase Db { get; } = new();
    public Dictionary<string, HarvestRunSummary> Runs { get; } = [];

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        IHarvester[] harvesters =
        [
            new OpenLineageFileHarvester(Options.Create(new OpenLineageOptions())),
            new DbtHarvester(Options.Create(new DbtOptions())),
            new AvroHarvester(Options.Create(new AvroOptions())),
            DescriptorHarvest.CreateHarvester(),
            new GreatExpectationsHarvester(Options.Create(new GreatExpectationsOptions())),
        ];
        var runner = new HarvestRunner(harvesters, Db.Engine(), NullLogger<HarvestRunner>.Instance);
        foreach (var (kind, folder) in Sources) Runs[kind] = await runner.RunAsync(kind, Corpus.Path(folder));
    }

    public Task DisposeAsync() => Db.DisposeAsync();
}
