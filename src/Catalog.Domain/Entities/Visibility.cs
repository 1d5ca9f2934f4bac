namespace Catalog.Domain.Entities;

/// <summary>
/// Who may see an entity's metadata. Restricted metadata is shown only to owners, principals granted read,
/// auditors and admins (Catalog.Storage.VisibilityFilter); everyone else does not learn it exists.
/// </summary>
public enum Visibility
{
    Everyone,
    Restricted,
}
