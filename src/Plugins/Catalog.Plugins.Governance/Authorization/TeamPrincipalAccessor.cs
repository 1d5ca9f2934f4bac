using System.Security.Claims;
using Catalog.Plugins.Governance.Authentication;
using Catalog.Plugins.Security;
using Npgsql;

namespace Catalog.Plugins.Governance.Authorization;

/// <summary>
/// Replaces the host's claims-only accessor: the user's teams come from the catalog itself — <c>memberOf</c>
/// relations from the user entity to group entities (and <c>hasMember</c> the other way, as Backstage writes both).
/// Roles come from the account (admin, auditor); every signed-in user is a viewer, and a member of a team an owner.
/// </summary>
public sealed class TeamPrincipalAccessor(NpgsqlDataSource dataSource, TimeProvider clock) : ICatalogPrincipalAccessor
{
    public async Task<CatalogPrincipal> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true) return CatalogPrincipal.Anonymous;
        var userRef = user.FindFirstValue(GovernanceSchemes.UserRefClaim);
        if (string.IsNullOrEmpty(userRef)) return CatalogPrincipal.Anonymous;

        var groups = await GroupsOfAsync(userRef, cancellationToken);
        var roles = new HashSet<string>(user.FindAll(ClaimTypes.Role).Select(c => c.Value), StringComparer.Ordinal) { CatalogRoles.Viewer };
        if (groups.Count > 0) roles.Add(CatalogRoles.Owner);
        return new CatalogPrincipal(userRef, groups, roles) { AsOf = clock.GetUtcNow() };
    }

    public async Task<HashSet<string>> GroupsOfAsync(string userRef, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT g.ref FROM entities u
              JOIN entity_relations r ON r.from_id = u.id AND r.relation = 'memberOf'
              JOIN entities g ON g.id = r.to_id AND g.kind = 'group'
             WHERE u.ref = @user
            UNION
            SELECT g.ref FROM entities u
              JOIN entity_relations r ON r.to_id = u.id AND r.relation = 'hasMember'
              JOIN entities g ON g.id = r.from_id AND g.kind = 'group'
             WHERE u.ref = @user
            """, connection);
        command.Parameters.AddWithValue("user", userRef);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) groups.Add(reader.GetString(0));
        return groups;
    }
}
