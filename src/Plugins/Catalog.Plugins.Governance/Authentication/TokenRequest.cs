using System.Security.Claims;
using Catalog.Domain.Entities;
using Catalog.Plugins.Governance.Infrastructure;
using Catalog.Plugins.Harvesting;
using Catalog.Plugins.Security;

namespace Catalog.Plugins.Governance.Authentication;

/// <summary>
/// What a request for a new API token must satisfy, shared by the API and the tokens page. Ingest tokens write
/// metadata other people rely on, so only admins and service accounts mint them, and each names the namespaces it
/// may write (<c>*</c> for all); a read token carries none.
/// </summary>
public static class TokenRequest
{
    public const int MaxNamespaces = 50;

    public static bool MayMintIngest(ClaimsPrincipal user) => user.IsInRole(CatalogRoles.Admin) || user.IsInRole(CatalogRoles.Service);

    /// <summary>Null when the request is acceptable; otherwise the outcome to answer (400 naming the field, or 403).</summary>
    public static Outcome? Check(ClaimsPrincipal user, string name, IReadOnlyCollection<string> scopes, IReadOnlyCollection<string> namespaces, int? lifetimeDays)
    {
        if (name.Length is 0 or > ApiTokenService.MaxNameLength)
            return Outcome.Invalid("name", $"Name the token (1 to {ApiTokenService.MaxNameLength} characters), e.g. 'airflow-prod lineage'.");
        if (scopes.Count == 0 || scopes.Any(s => !TokenScopes.All.Contains(s)))
            return Outcome.Invalid("scopes", $"Choose scopes among: {string.Join(", ", TokenScopes.All)}.");
        if (lifetimeDays is < 0 or > 3650)
            return Outcome.Invalid("lifetimeDays", "A token lives 1 to 3650 days (0 for no expiry).");
        var ingest = scopes.Contains(TokenScopes.Ingest);
        if (ingest && !MayMintIngest(user))
            return new Outcome(OutcomeStatus.Forbidden,
                "Only admins and service accounts can create ingest tokens: what a token pushes is trusted by everyone who reads the catalog. Ask an admin for one, bound to your namespaces.");
        if (!ingest && namespaces.Count > 0)
            return Outcome.Invalid("namespaces", "Only ingest tokens are bound to namespaces; leave namespaces empty for a read token.");
        if (ingest && namespaces.Count == 0)
            return Outcome.Invalid("namespaces", "Name the namespaces this ingest token may write (e.g. [\"food_delivery\"]), or [\"*\"] for every namespace.");
        if (namespaces.Count > MaxNamespaces)
            return Outcome.Invalid("namespaces", $"A token may name at most {MaxNamespaces} namespaces.");
        foreach (var ns in namespaces)
            if (ns != HarvestPusher.AnyNamespace && (string.IsNullOrWhiteSpace(ns) || ns.Length > EntityRef.MaxPartLength || ns.Trim() != ns))
                return Outcome.Invalid("namespaces", $"'{MetadataLimits.Truncate(ns, 80)}' is not a namespace: 1 to {EntityRef.MaxPartLength} characters without surrounding spaces, or \"*\".");
        return null;
    }
}
