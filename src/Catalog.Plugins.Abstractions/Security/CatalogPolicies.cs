namespace Catalog.Plugins.Security;

/// <summary>
/// Names of the authorization policies endpoints and pages use. The governance plugin defines what each requires;
/// without it the host registers permissive development defaults (everything allowed, said loudly at start-up).
/// </summary>
public static class CatalogPolicies
{
    /// <summary>Read catalog metadata (pages, search, lineage, read APIs).</summary>
    public const string Read = "catalog.read";
    /// <summary>Push metadata: OpenLineage events, harvest triggers. Machines use API tokens.</summary>
    public const string Ingest = "catalog.ingest";
    /// <summary>Change policies of entities one owns (the handler checks ownership of the specific entity).</summary>
    public const string Owner = "catalog.owner";
    /// <summary>Read the audit trail and access reviews.</summary>
    public const string Auditor = "catalog.auditor";
    public const string Admin = "catalog.admin";
}
