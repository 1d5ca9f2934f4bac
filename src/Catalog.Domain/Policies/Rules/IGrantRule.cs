using Catalog.Domain.Policies.Access;

namespace Catalog.Domain.Policies.Rules;

/// <summary>One governance rule about access grants. See README.md in this folder for how to add one.</summary>
public interface IGrantRule
{
    IEnumerable<PolicyViolation> Check(GrantProposal proposal, DateTimeOffset now);
}
