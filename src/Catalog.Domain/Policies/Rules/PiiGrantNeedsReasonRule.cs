using Catalog.Domain.Entities;
using Catalog.Domain.Policies.Access;

namespace Catalog.Domain.Policies.Rules;

/// <summary>Who can read personal data is what auditors ask first: every grant on a PII endpoint says why.</summary>
public sealed class PiiGrantNeedsReasonRule : IGrantRule
{
    public IEnumerable<PolicyViolation> Check(GrantProposal proposal, DateTimeOffset now)
    {
        if (proposal.EndpointClassification == Classification.Pii && string.IsNullOrWhiteSpace(proposal.Reason))
            yield return new("reason", "Access to PII needs a reason (it is shown in the access review).");
        if (proposal.Reason is { Length: > MetadataLimits.Reason })
            yield return new("reason", $"The reason is longer than {MetadataLimits.Reason} characters.");
    }
}
