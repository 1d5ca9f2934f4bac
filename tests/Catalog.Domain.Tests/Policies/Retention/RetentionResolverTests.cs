using Catalog.Domain.Datasets;
using Catalog.Domain.Policies;
using Catalog.Domain.Policies.Retention;

namespace Catalog.Domain.Tests.Policies.Retention;

public sealed class RetentionResolverTests
{
    private static readonly DeclaredRetention Portal = new(RetentionPolicy.Days(14), PolicyOrigin.Portal);
    private static readonly DeclaredRetention Descriptor = new(RetentionPolicy.Days(90), PolicyOrigin.Descriptor);

    [Fact]
    public void Portal_edit_wins_over_the_descriptor_and_the_descriptor_is_still_shown()
    {
        var effective = RetentionResolver.Resolve(new RetentionContext { Portal = Portal, Descriptor = Descriptor });

        Assert.Equal(PolicyOrigin.Portal, effective.Origin);
        Assert.Equal(14, effective.Policy.Value);
        Assert.Equal(90, effective.OverriddenDescriptor?.Value);
    }

    [Fact]
    public void Descriptor_applies_when_nothing_was_edited_in_the_portal()
    {
        var effective = RetentionResolver.Resolve(new RetentionContext { Descriptor = Descriptor, NamespaceDefault = RetentionPolicy.Days(7) });

        Assert.Equal(PolicyOrigin.Descriptor, effective.Origin);
        Assert.Null(effective.OverriddenDescriptor);
    }

    [Fact]
    public void Namespace_default_comes_before_the_classification_default()
    {
        var effective = RetentionResolver.Resolve(new RetentionContext { NamespaceDefault = RetentionPolicy.Days(7), ClassificationDefault = RetentionPolicy.Days(30) });

        Assert.Equal(PolicyOrigin.NamespaceDefault, effective.Origin);
        Assert.Equal(7, effective.Policy.Value);
    }

    [Fact]
    public void Classification_default_applies_when_the_namespace_has_none()
    {
        var effective = RetentionResolver.Resolve(new RetentionContext { ClassificationDefault = RetentionPolicy.Days(30) });

        Assert.Equal(PolicyOrigin.ClassificationDefault, effective.Origin);
    }

    [Fact]
    public void With_nothing_declared_the_catalog_default_keeps_everything()
    {
        var effective = RetentionResolver.Resolve(new RetentionContext());

        Assert.Equal(PolicyOrigin.CatalogDefault, effective.Origin);
        Assert.Equal(RetentionMode.KeepForever, effective.Policy.Mode);
        Assert.Empty(effective.Violations);
    }

    [Fact]
    public void A_harvested_policy_over_the_pii_cap_is_effective_but_reported()
    {
        var context = new RetentionContext
        {
            Classification = Classification.Pii, ClassificationMaxDays = 30, Granularity = PartitionGranularity.Daily,
            Descriptor = new DeclaredRetention(RetentionPolicy.Days(365), PolicyOrigin.Descriptor),
        };

        var effective = RetentionResolver.Resolve(context);

        Assert.Equal(365, effective.Policy.Value);
        var violation = Assert.Single(effective.Violations);
        Assert.Contains("at most 30 days", violation.Message);
    }
}
