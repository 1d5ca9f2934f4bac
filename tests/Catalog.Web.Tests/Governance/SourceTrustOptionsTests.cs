using Catalog.Harvesting.Trust;

namespace Catalog.Web.Tests.Governance;

public sealed class SourceTrustOptionsTests
{
    [Fact]
    public void The_defaults_trust_descriptors_with_everything_and_pushed_openlineage_with_nothing()
    {
        var trust = new TrustOptions();

        Assert.Empty(trust.Validate());
        Assert.Equal(GovernanceFacts.All.ToHashSet(), trust.RuleFor("descriptors", "any").Sets.ToHashSet());
        Assert.True(trust.RuleFor("descriptors", "any").Authoritative);
        Assert.Empty(trust.RuleFor("openlineage-push", "any").Sets);
        Assert.False(trust.RuleFor("openlineage-push", "any").Authoritative);
        Assert.Empty(trust.RuleFor("some-unknown-harvester", "any").Sets);
    }

    [Fact]
    public void A_namespace_rule_replaces_the_source_rule_there_only()
    {
        var trust = new TrustOptions();
        trust.Namespaces["food_delivery"] = new() { ["openlineage-push"] = new() { Sets = ["owner"] } };

        Assert.True(trust.RuleFor("openlineage-push", "food_delivery").May(GovernanceFact.Owner));
        Assert.False(trust.RuleFor("openlineage-push", "marketing").May(GovernanceFact.Owner));
    }

    [Fact]
    public void Unknown_sources_and_facts_are_refused_with_the_setting_that_names_them()
    {
        var trust = new TrustOptions();
        trust.Sources["descriptor"] = new() { Sets = ["owner"] };
        trust.Namespaces["food_delivery"] = new() { ["openlineage-push"] = new() { Sets = ["ownership"] } };

        var problems = trust.Validate().ToList();

        Assert.Contains(problems, p => p.StartsWith("Catalog:Harvesting:Trust:Sources:descriptor: unknown source 'descriptor'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Catalog:Harvesting:Trust:Namespaces:food_delivery:openlineage-push:Sets: unknown fact 'ownership'", StringComparison.Ordinal));
    }
}
