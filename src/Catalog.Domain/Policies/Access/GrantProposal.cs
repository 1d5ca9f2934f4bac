namespace Catalog.Domain.Policies.Access;

/// <summary>An access grant someone wants to add, as typed into a form or an API call, before it is checked.</summary>
public sealed record GrantProposal(string PrincipalRef, AccessPermission Permission, Classification EndpointClassification)
{
    public DateTimeOffset? ExpiresAt { get; init; }
    public string? Reason { get; init; }
}
