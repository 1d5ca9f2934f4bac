using Catalog.Domain.Entities;
using Catalog.Plugins.Harvesting;
using Catalog.Testing;

namespace Catalog.Indexer.Tests.Descriptors;

/// <summary>The descriptors harvester over Backstage's own example catalog (../shared/corpus/backstage).</summary>
public sealed class BackstageCorpusTests
{
    private static readonly string Examples = Corpus.Path("backstage", "backstage-catalog-model-examples");
    private static readonly Lazy<Task<RecordingHarvestSink>> ExamplesHarvest = new(() => DescriptorHarvest.RunAsync(Examples));

    private static EntityRef Group(string name) => EntityRef.Group(name);

    [Fact]
    public async Task Acme_corp_group_hierarchy_becomes_parentOf_relations()
    {
        var relations = (await ExamplesHarvest.Value).ItemsOf<RelationFound>().Where(r => r.Type == "parentOf").ToList();

        Assert.Contains(new RelationFound(Group("acme-corp"), "parentOf", Group("infrastructure")), relations);
        Assert.Contains(new RelationFound(Group("infrastructure"), "parentOf", Group("backstage")), relations);
        Assert.Contains(new RelationFound(Group("backstage"), "parentOf", Group("team-a")), relations);
        Assert.Contains(new RelationFound(Group("boxoffice"), "parentOf", Group("team-e")), relations);
    }

    [Fact]
    public async Task Group_profile_display_name_becomes_the_title()
    {
        var groups = (await ExamplesHarvest.Value).ItemsOf<EntityFound>().Select(e => e.Entity).Where(e => e.Ref.Kind == EntityKind.Group).ToList();

        Assert.Equal("ACME Corp", groups.Single(g => g.Ref == Group("acme-corp")).Title);
        Assert.Equal("The acme-corp organization", groups.Single(g => g.Ref == Group("acme-corp")).Description);
        Assert.Null(groups.Single(g => g.Ref == Group("team-a")).Title); // team-a deliberately has no displayName
    }

    [Fact]
    public async Task Users_are_members_of_their_team()
    {
        var sink = await ExamplesHarvest.Value;

        Assert.Contains(new RelationFound(EntityRef.User("breanna.davison"), "memberOf", Group("team-a")), sink.ItemsOf<RelationFound>());
        Assert.Equal("Janelle Dawe", sink.ItemsOf<EntityFound>().Single(e => e.Entity.Ref == EntityRef.User("janelle.dawe")).Entity.Title);
    }

    [Fact]
    public async Task The_guest_user_in_the_development_namespace_is_a_separate_entity_that_belongs_to_a_default_namespace_team()
    {
        var sink = await ExamplesHarvest.Value;
        var developmentGuest = EntityRef.User("guest", "development");

        Assert.Contains(sink.ItemsOf<EntityFound>(), e => e.Entity.Ref == developmentGuest);
        Assert.Contains(sink.ItemsOf<EntityFound>(), e => e.Entity.Ref == EntityRef.User("guest"));
        Assert.Contains(new RelationFound(developmentGuest, "memberOf", Group("team-a")), sink.ItemsOf<RelationFound>());
        Assert.DoesNotContain(sink.AllErrors, e => e.Reason.Contains("already declared", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_component_is_owned_by_its_group_and_part_of_its_system()
    {
        var sink = await ExamplesHarvest.Value;
        var artistLookup = new EntityRef(EntityKind.Component, "default", "artist-lookup");

        var entity = sink.ItemsOf<EntityFound>().Single(e => e.Entity.Ref == artistLookup).Entity;
        Assert.Equal(Group("team-a"), entity.Owner);
        Assert.Equal(["java", "data"], entity.Tags);
        Assert.Contains(new RelationFound(artistLookup, "ownedBy", Group("team-a")), sink.ItemsOf<RelationFound>());
        Assert.Contains(new RelationFound(artistLookup, "partOf", new EntityRef(EntityKind.System, "default", "artist-engagement-portal")), sink.ItemsOf<RelationFound>());
    }

    [Fact]
    public async Task Apis_provided_and_consumed_become_relations()
    {
        var relations = (await ExamplesHarvest.Value).ItemsOf<RelationFound>().ToList();
        var petstore = new EntityRef(EntityKind.Component, "default", "petstore");

        Assert.Contains(new RelationFound(petstore, "providesApi", new EntityRef(EntityKind.Api, "default", "streetlights")), relations);
        Assert.Contains(relations, r => r.Type == "consumesApi" && r.From == new EntityRef(EntityKind.Component, "default", "wayback-search"));
    }

    [Fact]
    public async Task A_component_in_another_namespace_keeps_it_and_resolves_its_owner_in_the_default_namespace()
    {
        var entity = (await ExamplesHarvest.Value).ItemsOf<EntityFound>().Single(e => e.Entity.Ref.Name == "different-namespace").Entity;

        Assert.Equal(new EntityRef(EntityKind.Component, "alternative", "different-namespace"), entity.Ref);
        Assert.Equal(Group("team-a"), entity.Owner);
    }

    [Fact]
    public async Task The_invalid_component_is_reported_with_file_line_and_field_and_not_ingested()
    {
        var sink = await ExamplesHarvest.Value;

        var errors = sink.AllErrors.Where(e => e.Location == "components/invalid-component.yaml").ToList();
        var name = Assert.Single(errors, e => e.Reason.Contains("metadata.name", StringComparison.Ordinal));
        Assert.Equal("line 4, column 9", name.Position);
        Assert.Contains("'invalid component' is not a valid name", name.Reason, StringComparison.Ordinal);
        Assert.Contains(errors, e => e.Reason.Contains("metadata.tags[1]", StringComparison.Ordinal) && e.Reason.Contains("'go 1.15.3'", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.ItemsOf<EntityFound>(), e => e.Entity.Ref.Name.Contains("invalid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Location_targets_that_do_not_exist_are_reported_on_their_line()
    {
        var errors = (await ExamplesHarvest.Value).AllErrors.Where(e => e.Location == "all.yaml").ToList();

        Assert.Contains(errors, e => e.Position == "line 8, column 7" && e.Reason.Contains("'./all-ai-resources.yaml' does not exist", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Position == "line 9, column 7" && e.Reason.Contains("'./all-apis.yaml' does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_remote_location_target_is_reported_and_the_location_still_lands()
    {
        var sink = await ExamplesHarvest.Value;

        Assert.Contains(sink.AllErrors, e => e.Location == "acme-corp.yaml" && e.Reason.Contains("is a URL", StringComparison.Ordinal));
        Assert.Contains(sink.ItemsOf<EntityFound>(), e => e.Entity.Ref == new EntityRef("location", "default", "acme-corp"));
    }

    [Fact]
    public async Task Harvesting_one_location_file_follows_its_relative_targets()
    {
        var sink = await DescriptorHarvest.RunAsync(Path.Combine(Examples, "all-components.yaml"));

        Assert.Contains(sink.ItemsOf<EntityFound>(), e => e.Entity.Ref == new EntityRef(EntityKind.Component, "default", "artist-lookup"));
        Assert.Contains(sink.Batches, b => b.Input.Location == Path.Combine(Examples, "components", "wayback-search-component.yaml"));
        Assert.DoesNotContain(sink.Batches, b => b.Input.Location == Path.Combine(Examples, "components", "invalid-component.yaml")); // not a target
        Assert.Empty(sink.AllErrors);
    }

    [Fact]
    public async Task Every_backstage_corpus_file_is_either_ingested_or_reported()
    {
        var root = Corpus.Path("backstage");
        var sink = await DescriptorHarvest.RunAsync(root);

        var files = Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Select(Path.GetFullPath).ToList();
        Assert.All(files, f => Assert.Contains(sink.Batches, b => b.Input.Location == f));
        Assert.All(sink.Batches, b => Assert.True(b.Committed));
        var kinds = sink.ItemsOf<EntityFound>().GroupBy(e => e.Entity.Ref.Kind).ToDictionary(g => g.Key, g => g.Count());
        // SOURCES.md counts 75 entities; the one invalid Component is rejected, every other lands under its kind.
        var expected = new Dictionary<string, int>
        {
            ["component"] = 15, ["user"] = 17, ["group"] = 9, ["api"] = 9, ["location"] = 8, ["ai-resource"] = 6,
            ["domain"] = 3, ["system"] = 3, ["environment"] = 2, ["resource"] = 1, ["template"] = 1,
        };
        Assert.Equal(expected.OrderBy(k => k.Key), kinds.OrderBy(k => k.Key));
        // Exactly the known problems: the invalid component (name and tag), the remote target, the two missing targets.
        Assert.Equal(5, sink.AllErrors.Count());
    }
}
