using Catalog.Domain.Entities;

namespace Catalog.Domain.Policies;

/// <summary>A principal (group or user) may read or write a dataset's data.</summary>
public sealed record AccessGrant(EntityRef Principal, AccessPermission Permission)
{
    public PolicyOrigin Origin { get; init; } = PolicyOrigin.Portal;
    public DateTimeOffset? ExpiresAt { get; init; }
}
