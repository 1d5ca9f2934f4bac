namespace Catalog.Plugins.Security;

/// <summary>
/// Who is asking, in catalog terms: the user's entity ref, the groups (teams) they belong to, and their roles.
/// Authorization decisions and visibility filters are made from this, never from harvested metadata.
/// </summary>
public sealed record CatalogPrincipal(string? UserRef, IReadOnlySet<string> GroupRefs, IReadOnlySet<string> Roles)
{
    public static CatalogPrincipal Anonymous { get; } = new(null, new HashSet<string>(), new HashSet<string>());

    /// <summary>
    /// The moment this request is judged at, from the host's clock: access grants expire against it (not the
    /// database's <c>now()</c>), so a test with a fake clock decides whether a grant still holds. Null: the database's now().
    /// </summary>
    public DateTimeOffset? AsOf { get; init; }

    public bool IsAuthenticated => UserRef is not null;
    public bool IsAdmin => Roles.Contains(CatalogRoles.Admin);
    /// <summary>Auditors (and admins) may see every entity's metadata, restricted or not.</summary>
    public bool SeesEverything => IsAdmin || Roles.Contains(CatalogRoles.Auditor);

    /// <summary>The user's own ref and their groups': what owner_ref and access grants are matched against.</summary>
    public IReadOnlyList<string> PrincipalRefs => UserRef is null ? [.. GroupRefs] : [UserRef, .. GroupRefs];

    public bool IsMemberOf(string? groupRef) => groupRef is not null && (GroupRefs.Contains(groupRef) || UserRef == groupRef);
}
