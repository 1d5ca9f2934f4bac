namespace Catalog.Domain.Policies.Retention;

/// <summary>
/// The retention that applies, where it comes from, the descriptor's declaration when a portal edit overrides it
/// (so both are shown), and any rule the effective policy breaks (e.g. a harvested policy over the PII cap).
/// </summary>
public sealed record EffectiveRetention(RetentionPolicy Policy, PolicyOrigin Origin)
{
    /// <summary>The descriptor's policy while a portal edit takes precedence over it.</summary>
    public RetentionPolicy? OverriddenDescriptor { get; init; }
    public IReadOnlyList<PolicyViolation> Violations { get; init; } = [];
}
