namespace Catalog.Plugins.Governance.Authorization;

/// <summary>The resource of an ownership check: only what the check needs, loaded before anything else about the entity.</summary>
public sealed record OwnedEntity(long Id, string Ref, string? OwnerRef);
