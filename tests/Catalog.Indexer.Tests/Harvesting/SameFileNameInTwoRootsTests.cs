using Catalog.Harvesting;
using Catalog.Indexer.Tests.Descriptors;
using Catalog.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Catalog.Indexer.Tests.Harvesting;

/// <summary>
/// Two descriptor folders whose files have the same names relative to their roots (every Backstage checkout has a
/// <c>catalog-info.yaml</c>): each file is its own input, with its own content hash and its own claims.
/// Real Backstage example components, copied into two temp folders under the same file names.
/// </summary>
public sealed class SameFileNameInTwoRootsTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    private static readonly string[] FileNames = ["catalog-info.yaml", "second.yaml", "third.yaml"];

    private static TempTree Root(params string[] components)
    {
        var tree = new TempTree();
        for (var i = 0; i < components.Length; i++)
            tree.With(FileNames[i], File.ReadAllText(Corpus.Path("backstage", "backstage-catalog-model-examples", "components", components[i])));
        return tree;
    }

    private HarvestRunner Runner() => new([DescriptorHarvest.CreateHarvester()], db.Engine(), NullLogger<HarvestRunner>.Instance);

    private Task<string?> LifecycleAsync(string name) =>
        db.ScalarAsync<string>("SELECT lifecycle FROM entities WHERE kind = 'component' AND name = $1", name);

    [Fact]
    public async Task Same_relative_file_names_in_two_roots_land_stay_unchanged_and_are_removed_only_from_their_own_root()
    {
        using var a = Root("podcast-api-component.yaml", "playback-order-component.yaml", "artist-lookup-component.yaml");
        using var b = Root("searcher-component.yaml", "shuffle-api-component.yaml", "queue-proxy-component.yaml");

        var firstA = await Runner().RunAsync("descriptors", a.Root);
        var firstB = await Runner().RunAsync("descriptors", b.Root);
        Assert.Equal((3, 0, 0), (firstA.InputsSeen, firstA.InputsSkipped, firstA.EntitiesRemoved));
        Assert.Equal((3, 0, 0), (firstB.InputsSeen, firstB.InputsSkipped, firstB.EntitiesRemoved));
        Assert.Empty(firstB.Errors);
        foreach (var name in new[] { "podcast-api", "playback-order", "artist-lookup", "searcher", "shuffle-api", "queue-proxy" })
            Assert.Equal("active", await LifecycleAsync(name));
        // Each root's catalog-info.yaml is remembered on its own.
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM harvest_inputs WHERE harvester = 'descriptors' AND location LIKE '%/catalog-info.yaml'"));

        // A second pass over both: nothing changed, so nothing is processed (the two catalog-info.yaml do not take turns).
        var secondA = await Runner().RunAsync("descriptors", a.Root);
        var secondB = await Runner().RunAsync("descriptors", b.Root);
        Assert.Equal((3, 3), (secondA.InputsSeen, secondA.InputsSkipped));
        Assert.Equal((3, 3), (secondB.InputsSeen, secondB.InputsSkipped));

        // Deleting catalog-info.yaml from root A removes A's component only; B's file of the same name keeps its own.
        File.Delete(Path.Combine(a.Root, "catalog-info.yaml"));
        var thirdA = await Runner().RunAsync("descriptors", a.Root);
        var thirdB = await Runner().RunAsync("descriptors", b.Root);
        Assert.Equal((2, 2, 1), (thirdA.InputsSeen, thirdA.InputsSkipped, thirdA.EntitiesRemoved));
        Assert.Equal((3, 3, 0), (thirdB.InputsSeen, thirdB.InputsSkipped, thirdB.EntitiesRemoved));
        Assert.Equal("removed", await LifecycleAsync("podcast-api"));
        Assert.Equal("active", await LifecycleAsync("searcher"));
        Assert.Equal("active", await LifecycleAsync("playback-order"));
        Assert.Equal([Path.Combine(b.Root, "catalog-info.yaml")],
            await db.ColumnAsync("SELECT location FROM harvest_inputs WHERE harvester = 'descriptors' AND location LIKE '%/catalog-info.yaml'"));
    }
}
