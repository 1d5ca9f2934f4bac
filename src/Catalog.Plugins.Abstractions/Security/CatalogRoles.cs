namespace Catalog.Plugins.Security;

/// <summary>
/// The portal's roles. Viewers (engineers) read; owners change what their team owns; auditors read everything,
/// including the audit trail, and change nothing; admins administer. Ownership is per team: members of the
/// owning group own its endpoints.
/// </summary>
public static class CatalogRoles
{
    public const string Viewer = "viewer";
    public const string Owner = "owner";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    /// <summary>
    /// A machine account (a scheduler, a lineage producer): it may hold ingest tokens and nothing else beyond a viewer's
    /// rights. People who are not admins cannot mint ingest tokens.
    /// </summary>
    public const string Service = "service";
}
