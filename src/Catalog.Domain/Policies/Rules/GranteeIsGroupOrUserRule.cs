using Catalog.Domain.Entities;
using Catalog.Domain.Policies.Access;

namespace Catalog.Domain.Policies.Rules;

/// <summary>Access is granted to teams or people, named by entity ref (<c>group:default:analytics</c>), nothing else.</summary>
public sealed class GranteeIsGroupOrUserRule : IGrantRule
{
    public IEnumerable<PolicyViolation> Check(GrantProposal proposal, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(proposal.PrincipalRef))
            yield return new("principal", "Name the group or user to grant access to, e.g. group:default:analytics.");
        else if (proposal.PrincipalRef.Length > EntityRef.MaxPartLength)
            yield return new("principal", $"The principal is longer than {EntityRef.MaxPartLength} characters.");
        else if (!EntityRef.TryParse(proposal.PrincipalRef.Trim(), out var principal))
            yield return new("principal", $"'{proposal.PrincipalRef}' is not an entity reference of the form group:namespace:name or user:namespace:name.");
        else if (principal.Kind is not (EntityKind.Group or EntityKind.User))
            yield return new("principal", $"Access is granted to groups and users; '{principal}' is a {principal.Kind}.");
    }
}
