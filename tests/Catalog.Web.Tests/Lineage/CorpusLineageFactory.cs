using Catalog.Harvesting;
using Catalog.Plugins.Dbt;
using Catalog.Plugins.OpenLineage;
using Catalog.Plugins.OpenLineage.Files;
using Catalog.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Web.Tests.Lineage;

/// <summary>
/// The portal over lineage harvested by the real harvesters from real files: Marquez's food_delivery seed
/// (26 events), the Marquez "apples" story, the Spark column-lineage compatibility test, and dbt's jaffle_shop
/// manifest (dbt 1.9, BigQuery).
/// </summary>
public sealed class CorpusLineageFactory() : LineageWebFactory("Snapshot")
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        var engine = new HarvestEngine(dataSource, Options.Create(new HarvestingOptions()));
        var runner = new HarvestRunner(
            [new OpenLineageFileHarvester(Options.Create(new OpenLineageOptions())), new DbtHarvester(Options.Create(new DbtOptions()))],
            engine, NullLogger<HarvestRunner>.Instance);
        await runner.RunAsync("openlineage", Corpus.Path("openlineage", "events", "marquez", "seed", "metadata.json"));
        await runner.RunAsync("openlineage", Corpus.Path("openlineage", "events", "marquez", "apples"));
        await runner.RunAsync("openlineage", Corpus.Path("openlineage", "events", "compatibility-tests", "CLL"));
        await runner.RunAsync("dbt", Corpus.Path("dbt", "dbt-artifacts-parser-jaffle-shop", "manifest", "v12", "jaffle_shop", "manifest_1.9.json"));
    }
}
