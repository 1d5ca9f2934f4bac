using Catalog.Harvesting;
using Catalog.Indexer.Tests.Descriptors;
using Catalog.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Catalog.Indexer.Tests.Harvesting;

/// <summary>Full directory harvests of real Backstage descriptors (copied into a temp folder so files can be deleted).</summary>
public sealed class DeletedFileTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    private static readonly string[] Components =
        ["podcast-api-component.yaml", "searcher-component.yaml", "playback-order-component.yaml", "artist-lookup-component.yaml"];

    private static TempTree CopyComponents()
    {
        var tree = new TempTree();
        foreach (var file in Components)
            tree.With(file, File.ReadAllText(Corpus.Path("backstage", "backstage-catalog-model-examples", "components", file)));
        return tree;
    }

    private HarvestRunner Runner() => new([DescriptorHarvest.CreateHarvester()], db.Engine(), NullLogger<HarvestRunner>.Instance);

    private Task<string?> LifecycleAsync(string name) =>
        db.ScalarAsync<string>("SELECT lifecycle FROM entities WHERE kind = 'component' AND name = $1", name);

    [Fact]
    public async Task A_deleted_descriptor_file_has_its_entities_and_relations_removed_on_the_next_full_harvest()
    {
        using var tree = CopyComponents();
        var first = await Runner().RunAsync("descriptors", tree.Root);
        Assert.Equal("active", await LifecycleAsync("podcast-api"));

        File.Delete(Path.Combine(tree.Root, "podcast-api-component.yaml"));
        var second = await Runner().RunAsync("descriptors", tree.Root);

        Assert.Equal(0, first.EntitiesRemoved);
        Assert.Equal((3, 3, 1), (second.InputsSeen, second.InputsSkipped, second.EntitiesRemoved));
        Assert.Equal("removed", await LifecycleAsync("podcast-api"));
        Assert.Equal("active", await LifecycleAsync("searcher"));
        Assert.Equal(0L, await db.ScalarAsync<long>("""
            SELECT count(*) FROM entity_relations r JOIN entities f ON f.id = r.from_id WHERE f.name = 'podcast-api' AND f.kind = 'component'
            """));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM harvest_inputs WHERE location = 'podcast-api-component.yaml'"));

        // The file comes back unchanged: it is harvested again (its hash was forgotten) and its component is active again.
        File.Copy(Corpus.Path("backstage", "backstage-catalog-model-examples", "components", "podcast-api-component.yaml"),
            Path.Combine(tree.Root, "podcast-api-component.yaml"));
        var third = await Runner().RunAsync("descriptors", tree.Root);
        Assert.Equal(3, third.InputsSkipped);
        Assert.Equal("active", await LifecycleAsync("podcast-api"));
    }

    [Fact]
    public async Task Deleting_most_files_of_a_target_is_refused_by_the_fail_safe()
    {
        using var tree = CopyComponents();
        await Runner().RunAsync("descriptors", tree.Root);
        var before = await db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE source_location IS NOT NULL AND lifecycle = 'active'");

        foreach (var file in Components.Skip(1)) File.Delete(Path.Combine(tree.Root, file));
        var summary = await Runner().RunAsync("descriptors", tree.Root);

        var refusal = Assert.Single(summary.Errors);
        Assert.Equal(("deleted files", tree.Root), (refusal.Position, refusal.Location));
        Assert.Contains("3 of the 4 files this target had are gone", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(0, summary.EntitiesRemoved);
        Assert.Equal(before, await db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE source_location IS NOT NULL AND lifecycle = 'active'"));
        Assert.Equal("active", await LifecycleAsync("searcher"));
    }
}
