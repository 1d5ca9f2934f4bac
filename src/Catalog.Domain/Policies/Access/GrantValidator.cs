using Catalog.Domain.Policies.Rules;

namespace Catalog.Domain.Policies.Access;

/// <summary>Runs every grant rule; an empty result means the grant may be saved (the grantee must still exist).</summary>
public static class GrantValidator
{
    public static IReadOnlyList<IGrantRule> DefaultRules { get; } =
    [
        new GranteeIsGroupOrUserRule(),
        new GrantExpiryInFutureRule(),
        new PiiGrantNeedsReasonRule(),
    ];

    public static IReadOnlyList<PolicyViolation> Validate(GrantProposal proposal, DateTimeOffset now, IReadOnlyList<IGrantRule>? rules = null) =>
        (rules ?? DefaultRules).SelectMany(rule => rule.Check(proposal, now)).ToList();
}
