using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Harvesting;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Harvesting;

/// <summary>
/// Pushed events mostly re-report what the catalog already knows. Rows whose merged values would not change are not
/// rewritten (same row version, same search document), and a real change still lands.
/// </summary>
public sealed class UnchangedRowsTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    private static DatasetFound Orders(string? description) => new(new Dataset
    {
        Entity = new CatalogEntity { Ref = EntityRef.Dataset("same", "orders"), Description = description, Tags = ["sales"] },
        Fields = [new SchemaField { Name = "id", Type = "bigint" }, new SchemaField { Name = "amount", Type = "numeric" }],
    }) { FieldsComplete = true };

    private Task<BatchStatus> PushAsync(string location, params HarvestItem[] items) =>
        db.Engine().IngestAsync("test", Items.Input(location, location, HarvestMode.Delta),
            (batch, _) => { foreach (var item in items) batch.Add(item); return Task.CompletedTask; }, CancellationToken.None)
        .ContinueWith(t => t.Result.Status, TaskScheduler.Default);

    private Task<string?> VersionsAsync() => db.ScalarAsync<string>("""
        SELECT e.xmin::text || '|' || d.xmin::text || '|' || (SELECT string_agg(f.xmin::text, ',' ORDER BY f.name) FROM dataset_fields f WHERE f.entity_id = e.id)
               || '|' || s.updated_at::text
        FROM entities e JOIN datasets d ON d.entity_id = e.id JOIN search_documents s ON s.id = e.id WHERE e.ref = 'dataset:same:orders'
        """);

    [Fact]
    public async Task A_dataset_reported_again_unchanged_is_not_rewritten_and_a_changed_one_is()
    {
        Assert.Equal(BatchStatus.Applied, await PushAsync("same/1", Orders("All orders")));
        var first = await VersionsAsync();

        Assert.Equal(BatchStatus.Applied, await PushAsync("same/2", Orders("All orders")));
        Assert.Equal(BatchStatus.Applied, await PushAsync("same/3", Orders(null))); // says less: still nothing new
        Assert.Equal(first, await VersionsAsync());

        Assert.Equal(BatchStatus.Applied, await PushAsync("same/4", Orders("Every order, refunds included")));
        Assert.NotEqual(first, await VersionsAsync());
        Assert.Equal("Every order, refunds included|{sales}|id,amount", await db.ScalarAsync<string>("""
            SELECT e.description || '|' || e.tags::text || '|' || (SELECT string_agg(name, ',' ORDER BY ordinal) FROM dataset_fields WHERE entity_id = e.id)
            FROM entities e WHERE e.ref = 'dataset:same:orders'
            """));
    }
}
