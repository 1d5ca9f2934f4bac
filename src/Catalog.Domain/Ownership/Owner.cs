using Catalog.Domain.Entities;

namespace Catalog.Domain.Ownership;

/// <summary>
/// Ownership of an entity: one owning group (team) and, optionally, named people. Members of the owning
/// group are the entity's owners for authorization.
/// </summary>
public sealed record Owner(EntityRef Group)
{
    public IReadOnlyList<EntityRef> Users { get; init; } = [];
}
