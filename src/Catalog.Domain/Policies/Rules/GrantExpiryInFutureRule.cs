using Catalog.Domain.Policies.Access;

namespace Catalog.Domain.Policies.Rules;

/// <summary>A grant that has already expired would be saved and never used: that is a typo, not a decision.</summary>
public sealed class GrantExpiryInFutureRule : IGrantRule
{
    public IEnumerable<PolicyViolation> Check(GrantProposal proposal, DateTimeOffset now)
    {
        if (proposal.ExpiresAt is { } expires && expires <= now)
            yield return new("expiresAt", $"The expiry {expires:yyyy-MM-dd} is in the past.");
    }
}
