using Catalog.Domain.Policies.Rules;

namespace Catalog.Domain.Policies.Retention;

/// <summary>
/// Picks the effective retention. Precedence, first present wins: portal edit for the endpoint, descriptor
/// declaration for the endpoint, namespace default, classification default, catalog default. A portal edit wins
/// over the descriptor until the owner resets it, so an edit is never lost when the descriptor is harvested again.
/// </summary>
public static class RetentionResolver
{
    /// <summary>Nothing declared anywhere: nothing is deleted. Deleting data must be a decision someone made.</summary>
    public static RetentionPolicy CatalogDefault { get; } =
        RetentionPolicy.Forever("Catalog default: no retention declared for this dataset, its namespace or its classification.");

    public static EffectiveRetention Resolve(RetentionContext context, IReadOnlyList<IRetentionRule>? rules = null)
    {
        var (policy, origin) = context switch
        {
            { Portal: { } portal } => (portal.Policy, PolicyOrigin.Portal),
            { Descriptor: { } descriptor } => (descriptor.Policy, PolicyOrigin.Descriptor),
            { NamespaceDefault: { } ns } => (ns, PolicyOrigin.NamespaceDefault),
            { ClassificationDefault: { } cls } => (cls, PolicyOrigin.ClassificationDefault),
            _ => (CatalogDefault, PolicyOrigin.CatalogDefault),
        };
        return new EffectiveRetention(policy, origin)
        {
            OverriddenDescriptor = context.Portal is not null ? context.Descriptor?.Policy : null,
            Violations = RetentionValidator.Validate(policy, context, rules),
        };
    }
}
