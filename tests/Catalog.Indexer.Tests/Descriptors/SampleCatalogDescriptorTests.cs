using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Domain.Policies;
using Catalog.Domain.Workflows;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Descriptors;

/// <summary>The descriptors harvester over the shipped sample catalog (samples/catalog), which the portal seeds on first start.</summary>
public sealed class SampleCatalogDescriptorTests
{
    public static readonly string SampleRoot = Path.Combine(Catalog.Storage.RepositoryPaths.FindRoot()!, "samples", "catalog");
    private static readonly Lazy<Task<RecordingHarvestSink>> Harvest = new(() => DescriptorHarvest.RunAsync(SampleRoot));

    private static EntityRef Bq(string name) => EntityRef.Dataset("bigquery", "tunewave-prod." + name);

    [Fact]
    public async Task The_sample_catalog_harvests_without_a_single_error()
    {
        var sink = await Harvest.Value;

        Assert.Empty(sink.AllErrors);
        Assert.InRange(sink.ItemsOf<DatasetFound>().Count(), 30, 50);
        Assert.InRange(sink.ItemsOf<WorkflowFound>().Count(), 15, 25);
    }

    [Fact]
    public async Task The_plays_hub_is_hourly_partitioned_pii_and_read_by_six_workflows()
    {
        var sink = await Harvest.Value;

        var plays = sink.ItemsOf<DatasetFound>().Single(d => d.Dataset.Entity.Ref == Bq("listening.plays")).Dataset;
        Assert.Equal(PartitionGranularity.Hourly, plays.Partitioning);
        Assert.Equal(Classification.Pii, plays.Entity.Classification);
        Assert.Equal(Classification.Pii, plays.Fields.Single(f => f.Name == "ip_address").Classification);
        Assert.Contains(plays.Fields, f => f.Name == "device.os"); // nested record flattened
        Assert.Equal(EntityRef.Group("listening-insights"), plays.Entity.Owner);
        var readers = sink.ItemsOf<LineageFound>().Where(l => l.Edge.From == Bq("listening.plays") && l.Edge.Kind == LineageEdgeKind.Reads).ToList();
        Assert.Equal(6, readers.Count);
    }

    [Fact]
    public async Task Declared_retention_and_access_become_descriptor_policies()
    {
        var sink = await Harvest.Value;

        Assert.Equal(RetentionPolicy.Days(400), sink.ItemsOf<RetentionDeclared>().Single(r => r.Dataset == Bq("listening.plays")).Policy);
        var forever = sink.ItemsOf<RetentionDeclared>().Single(r => r.Dataset == Bq("finance.payments")).Policy;
        Assert.Equal(RetentionMode.KeepForever, forever.Mode);
        Assert.StartsWith("Bookkeeping law", forever.Justification, StringComparison.Ordinal);
        var grants = sink.ItemsOf<AccessDeclared>().Where(a => a.Dataset == Bq("users.accounts")).Select(a => a.Grant).ToList();
        Assert.Contains(new AccessGrant(EntityRef.User("amara.okafor"), AccessPermission.Read) { Origin = PolicyOrigin.Descriptor }, grants);
        Assert.Contains(new AccessGrant(EntityRef.Group("data-platform"), AccessPermission.Write) { Origin = PolicyOrigin.Descriptor }, grants);
        Assert.Equal(Visibility.Restricted, sink.ItemsOf<DatasetFound>().Single(d => d.Dataset.Entity.Ref == Bq("users.accounts")).Dataset.Entity.Visibility);
    }

    [Fact]
    public async Task A_workflow_carries_its_schedule_and_lineage_through_a_job()
    {
        var sink = await Harvest.Value;
        var job = EntityRef.Job("tunewave-analytics", "kpi_daily");

        var workflow = sink.ItemsOf<WorkflowFound>().Single(w => w.Workflow.Entity.Ref == job).Workflow;
        Assert.Equal(ScheduleKind.Daily, workflow.Schedule.Kind);
        Assert.Equal("30 6 * * *", workflow.Schedule.Cron);
        Assert.Equal("Europe/Stockholm", workflow.Schedule.TimeZone);
        Assert.Equal(TimeSpan.FromMinutes(10 * 60 + 30), workflow.Schedule.Deadline);
        Assert.Equal("BATCH/DBT", workflow.JobType);
        Assert.Contains(new LineageFound(new LineageEdge(job, Bq("marts.kpi_daily"), LineageEdgeKind.Writes)), sink.ItemsOf<LineageFound>());
        Assert.Contains(new LineageFound(new LineageEdge(Bq("finance.daily_revenue"), job, LineageEdgeKind.Reads)), sink.ItemsOf<LineageFound>());
    }

    [Fact]
    public async Task Column_lineage_declarations_connect_fields_across_datasets()
    {
        var sink = await Harvest.Value;

        var edge = sink.ItemsOf<ColumnLineageFound>().Single(c => c.Edge.To == new ColumnRef(Bq("listening.daily_user_listening"), "minutes_played")).Edge;
        Assert.Equal(new ColumnRef(Bq("listening.plays"), "ms_played"), edge.From);
        Assert.Equal(("DIRECT", "AGGREGATION"), (edge.TransformationType, edge.TransformationSubtype));
        Assert.Equal(EntityRef.Job("tunewave-analytics", "daily_user_listening"), edge.Job);
    }

    [Fact]
    public async Task Harvesting_the_root_location_alone_reaches_every_descriptor_through_its_targets()
    {
        var fromRoot = await DescriptorHarvest.RunAsync(Path.Combine(SampleRoot, "catalog-info.yaml"));
        var fromFolder = await Harvest.Value;

        Assert.Empty(fromRoot.AllErrors);
        Assert.Equal(fromFolder.Items.Count(), fromRoot.Items.Count());
    }
}
