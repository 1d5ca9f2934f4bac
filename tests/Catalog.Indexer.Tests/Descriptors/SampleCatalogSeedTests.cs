using Catalog.Harvesting;
using Catalog.Indexer.Tests.Harvesting;
using Catalog.Plugins.OpenLineage;
using Catalog.Plugins.OpenLineage.Files;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Catalog.Indexer.Tests.Descriptors;

/// <summary>
/// The sample catalog as the portal seeds it: descriptors first, then the OpenLineage run events, through the real
/// harvesters and engine. Proves the shipped data is valid and that events and descriptors meet on the same entities.
/// </summary>
public sealed class SampleCatalogSeedTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (HarvestRunSummary Descriptors, HarvestRunSummary Events)? seeded;

    private async Task<(HarvestRunSummary Descriptors, HarvestRunSummary Events)> SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (seeded is { } done) return done;
            var runner = new HarvestRunner(
                [DescriptorHarvest.CreateHarvester(), new OpenLineageFileHarvester(Options.Create(new OpenLineageOptions()))],
                db.Engine(), NullLogger<HarvestRunner>.Instance);
            var descriptors = await runner.RunAsync("descriptors", SampleCatalogDescriptorTests.SampleRoot);
            var events = await runner.RunAsync("openlineage", Path.Combine(SampleCatalogDescriptorTests.SampleRoot, "openlineage"));
            seeded = (descriptors, events);
            return seeded.Value;
        }
        finally { Once.Release(); }
    }

    [Fact]
    public async Task Descriptors_and_run_events_of_the_sample_both_land_without_errors()
    {
        var (descriptors, events) = await SeedAsync();

        Assert.Equal(HarvestRunStatus.Succeeded, descriptors.Status);
        Assert.Equal(HarvestRunStatus.Succeeded, events.Status);
        Assert.Equal(0, events.ErrorCount);
    }

    [Fact]
    public async Task Run_events_attach_to_the_declared_datasets_instead_of_creating_new_ones()
    {
        await SeedAsync();

        // 39 declared datasets; every dataset an event names is one of them (OpenLineage naming in the descriptors).
        Assert.Equal(39L, await db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE kind = 'dataset'"));
        Assert.Equal(25L, await db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE kind = 'job'"));
    }

    [Fact]
    public async Task Datasets_declared_restricted_are_stored_restricted_and_later_run_events_do_not_open_them_up()
    {
        await SeedAsync();

        var declared = Directory.GetFiles(SampleCatalogDescriptorTests.SampleRoot, "*.yaml", SearchOption.AllDirectories)
            .Sum(f => File.ReadLines(f).Count(l => l.Trim() == "visibility: restricted"));
        Assert.True(declared > 0, "the sample declares restricted datasets");
        Assert.Equal((long)declared, await db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE visibility = 'restricted'"));
        Assert.Equal("restricted", await db.ScalarAsync<string>("SELECT visibility FROM entities WHERE ref = 'dataset:bigquery:tunewave-prod.users.accounts'"));
    }

    [Fact]
    public async Task Hourly_output_statistics_become_hourly_partitions_of_the_plays_hub()
    {
        await SeedAsync();

        Assert.Equal("23 hourly", await db.ScalarAsync<string>("""
            SELECT count(*) || ' ' || min(p.granularity) FROM partitions p JOIN entities e ON e.id = p.dataset_id
            WHERE e.ref = 'dataset:bigquery:tunewave-prod.listening.plays'
            """));
        Assert.True(await db.ScalarAsync<long>("""
            SELECT min(p.row_count) FROM partitions p JOIN entities e ON e.id = p.dataset_id
            WHERE e.ref = 'dataset:bigquery:tunewave-prod.listening.plays'
            """) > 100_000);
    }

    [Fact]
    public async Task The_failed_runs_and_the_running_ones_are_visible()
    {
        await SeedAsync();

        Assert.Equal(["daily_revenue", "load_search_hourly", "track_features"], await db.ColumnAsync(
            "SELECT e.name FROM runs r JOIN entities e ON e.id = r.job_id WHERE r.state = 'failed' ORDER BY 1"));
        Assert.Equal(["load_plays_hourly", "load_search_hourly"], await db.ColumnAsync(
            "SELECT e.name FROM runs r JOIN entities e ON e.id = r.job_id WHERE r.state = 'running' ORDER BY 1"));
    }
}
