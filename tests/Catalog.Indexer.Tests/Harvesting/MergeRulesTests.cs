using System.Text.Json;
using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Domain.Policies;
using Catalog.Domain.Workflows;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Harvesting;

public sealed class MergeRulesTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    [Fact]
    public async Task A_late_start_event_never_undoes_a_completed_run()
    {
        var engine = db.Engine();
        var job = EntityRef.Job("runs", "nightly");
        var runId = Guid.NewGuid();
        var ended = new DateTimeOffset(2024, 5, 1, 2, 0, 0, TimeSpan.Zero);
        await engine.HarvestAsync(Items.Input("runs/complete", "c", HarvestMode.Delta),
            new RunObserved(new Run { Id = runId, Job = job, State = RunState.Completed, EndedAt = ended }));

        await engine.HarvestAsync(Items.Input("runs/start", "s", HarvestMode.Delta),
            new RunObserved(new Run { Id = runId, Job = job, State = RunState.Running, StartedAt = ended.AddHours(-1) }));

        Assert.Equal("completed", await db.ScalarAsync<string>("SELECT state FROM runs WHERE id = $1", runId));
        Assert.Equal(ended.AddHours(-1).UtcDateTime, await db.ScalarAsync<DateTime>("SELECT started_at FROM runs WHERE id = $1", runId));
    }

    [Fact]
    public async Task An_edge_to_a_dataset_never_described_creates_a_stub_dataset()
    {
        var engine = db.Engine();

        await engine.HarvestAsync(Items.Input("stub/e", "e", HarvestMode.Delta),
            Items.Job("stub", "load"), Items.Edge(EntityRef.Job("stub", "load"), EntityRef.Dataset("stub", "unknown_output"), LineageEdgeKind.Writes));

        Assert.Equal(1L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM entities e JOIN datasets d ON d.entity_id = e.id WHERE e.ref = 'dataset:stub:unknown_output'"));
        Assert.Equal("writes", await db.ScalarAsync<string>(
            "SELECT l.edge_kind FROM lineage_edges l JOIN entities f ON f.id = l.from_id JOIN entities t ON t.id = l.to_id WHERE f.ref = 'job:stub:load' AND t.ref = 'dataset:stub:unknown_output'"));
    }

    [Fact]
    public async Task Later_non_null_values_win_and_missing_values_keep_what_is_known()
    {
        var engine = db.Engine();
        var reference = EntityRef.Dataset("merge", "orders");
        await engine.HarvestAsync(Items.Input("merge/1", "1", HarvestMode.Delta), new EntityFound(new CatalogEntity
        { Ref = reference, Description = "first", Owner = EntityRef.Group("sales"), Tags = ["a"] }));

        await engine.HarvestAsync(Items.Input("merge/2", "2", HarvestMode.Delta), new EntityFound(new CatalogEntity
        { Ref = reference, Title = "Orders", Tags = ["b", "a"] }));

        Assert.Equal("Orders|first|group:default:sales|{a,b}", await db.ScalarAsync<string>(
            "SELECT title || '|' || description || '|' || owner_ref || '|' || tags::text FROM entities WHERE ref = $1", reference.ToString()));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE ref = 'group:default:sales'"));
    }

    [Fact]
    public async Task A_complete_field_list_replaces_the_schema_and_a_partial_one_merges_into_it()
    {
        var engine = db.Engine();
        await engine.HarvestAsync(Items.Input("fields/1", "1", HarvestMode.Delta), Items.Dataset("fields", "t", "a", "b", "c"));
        await engine.HarvestAsync(Items.Input("fields/2", "2", HarvestMode.Delta), Items.Dataset("fields", "t", "c", "a"));
        var afterReplace = await db.ColumnAsync("SELECT f.name FROM dataset_fields f JOIN entities e ON e.id = f.entity_id WHERE e.ref = 'dataset:fields:t' ORDER BY ordinal");

        await engine.HarvestAsync(Items.Input("fields/3", "3", HarvestMode.Delta), Items.Dataset("fields", "t", "d") with { FieldsComplete = false });

        Assert.Equal(["c", "a"], afterReplace);
        Assert.Equal(["c", "a", "d"], await db.ColumnAsync("SELECT f.name FROM dataset_fields f JOIN entities e ON e.id = f.entity_id WHERE e.ref = 'dataset:fields:t' ORDER BY ordinal"));
    }

    [Fact]
    public async Task Descriptor_retention_is_stored_beside_a_portal_retention_and_never_overwrites_it()
    {
        var engine = db.Engine();
        var dataset = EntityRef.Dataset("retention", "events");
        await engine.HarvestAsync(Items.Input("retention/0", "0"), Items.Dataset("retention", "events"));
        await using (var portal = db.DataSource.CreateCommand(
            "INSERT INTO retention_policies (scope, entity_id, mode, value, origin, updated_by) SELECT 'entity', id, 'keep_days', 30, 'portal', 'user:default:ann' FROM entities WHERE ref = $1"))
        {
            portal.Parameters.AddWithValue(dataset.ToString());
            await portal.ExecuteNonQueryAsync();
        }

        await engine.HarvestAsync(Items.Input("retention/1", "1", HarvestMode.Delta), new RetentionDeclared(dataset, RetentionPolicy.Days(400)));

        Assert.Equal(["descriptor keep_days 400", "portal keep_days 30"], await db.ColumnAsync(
            "SELECT origin || ' ' || mode || ' ' || value FROM retention_policies p JOIN entities e ON e.id = p.entity_id WHERE e.ref = $1 ORDER BY origin", dataset.ToString()));
    }

    [Fact]
    public async Task Facets_are_merged_by_name_and_a_drop_marks_the_entity_deleted()
    {
        var engine = db.Engine();
        var dataset = EntityRef.Dataset("facets", "t");
        using var first = JsonDocument.Parse("""{"x": 1}""");
        using var second = JsonDocument.Parse("""{"y": [true]}""");

        await engine.HarvestAsync(Items.Input("facets/1", "1", HarvestMode.Delta),
            new FacetFound(dataset, "custom_a", first.RootElement), new FacetFound(dataset, "custom_b", second.RootElement), new EntityDeleted(dataset));

        Assert.Equal("""{"custom_a": {"x": 1}, "custom_b": {"y": [true]}}""", await db.ScalarAsync<string>("SELECT facets::text FROM entities WHERE ref = $1", dataset.ToString()));
        Assert.Equal("deleted", await db.ScalarAsync<string>("SELECT lifecycle FROM entities WHERE ref = $1", dataset.ToString()));
    }

    [Fact]
    public async Task A_facet_that_would_exceed_the_bound_is_refused_with_an_error()
    {
        var engine = db.Engine();
        var dataset = EntityRef.Dataset("facets", "huge");
        using var huge = JsonDocument.Parse(JsonSerializer.Serialize(new string('x', MetadataLimits.FacetsBytes + 10)));

        var summary = await engine.HarvestAsync(Items.Input("facets/huge", "h", HarvestMode.Delta),
            Items.Dataset("facets", "huge"), new FacetFound(dataset, "enormous", huge.RootElement));

        Assert.Contains(summary.Errors, e => e.Reason.Contains("'enormous'", StringComparison.Ordinal) && e.Reason.Contains("exceed", StringComparison.Ordinal));
        Assert.Equal("{}", await db.ScalarAsync<string>("SELECT facets::text FROM entities WHERE ref = $1", dataset.ToString()));
    }

    [Fact]
    public async Task Partitions_and_column_lineage_are_upserted_by_their_keys()
    {
        var engine = db.Engine();
        var (source, target) = (EntityRef.Dataset("cols", "raw"), EntityRef.Dataset("cols", "clean"));
        var partition = new Partition { Key = "2024-05-01", Granularity = PartitionGranularity.Daily, RowCount = 10 };
        await engine.HarvestAsync(Items.Input("cols/1", "1", HarvestMode.Delta),
            new ColumnLineageFound(new ColumnLineageEdge(new ColumnRef(source, "id"), new ColumnRef(target, "id")) { TransformationType = "DIRECT" }),
            new PartitionFound(target, partition));

        await engine.HarvestAsync(Items.Input("cols/2", "2", HarvestMode.Delta),
            new ColumnLineageFound(new ColumnLineageEdge(new ColumnRef(source, "id"), new ColumnRef(target, "id"))),
            new PartitionFound(target, partition with { RowCount = null, Bytes = 2048 }));

        Assert.Equal("DIRECT", await db.ScalarAsync<string>("SELECT transformation_type FROM column_lineage_edges"));
        Assert.Equal("1|10|2048", await db.ScalarAsync<string>(
            "SELECT count(*) || '|' || max(row_count) || '|' || max(bytes) FROM partitions p JOIN entities e ON e.id = p.dataset_id WHERE e.ref = $1", target.ToString()));
    }
}
