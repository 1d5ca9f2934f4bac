using Catalog.Domain.Audit;
using Catalog.Domain.Entities;
using Catalog.Plugins.Governance.Audit;
using Catalog.Plugins.Governance.Identity;
using Catalog.Plugins.Security;
using Microsoft.AspNetCore.Identity;

namespace Catalog.Plugins.Governance.Users;

public sealed record AddUserResult(bool Succeeded, bool Created, string Message);

/// <summary>
/// Creates (or promotes) an admin account. The lead wires it to <c>catalog-indexer users add-admin --user NAME</c>
/// with the password read from standard input or <c>CATALOG_ADMIN_PASSWORD</c> — never from the command line, where
/// it would land in shell history. Also used at start-up for <c>Plugins:governance:BootstrapAdmin</c>.
/// </summary>
public sealed class AdminUserCommand(UserManager<CatalogUser> users, AuditTrail audit, TimeProvider clock)
{
    public Task<AddUserResult> AddAdminAsync(string userName, string password, string? email, string actor, CancellationToken cancellationToken = default) =>
        AddUserAsync(userName, password, email, [CatalogRoles.Admin], actor, cancellationToken);

    /// <summary>Creates a local account with the given roles (admin, auditor); an existing account gets the roles added, its password untouched.</summary>
    public async Task<AddUserResult> AddUserAsync(string userName, string password, string? email, IReadOnlyCollection<string> roles, string actor, CancellationToken cancellationToken = default)
    {
        userName = userName.Trim();
        if (userName.Length is 0 or > 256 || !EntityRef.TryParse(CatalogUser.DefaultRefFor(userName), out _))
            return new(false, false, $"'{userName}' is not a usable user name: use letters, digits, dots, dashes or underscores, without colons.");
        var user = await users.FindByNameAsync(userName);
        var created = false;
        if (user is null)
        {
            user = new CatalogUser { UserName = userName, Email = email, CatalogUserRef = CatalogUser.DefaultRefFor(userName), LockoutEnabled = true,
                CreatedAt = clock.GetUtcNow() };
            var create = await users.CreateAsync(user, password);
            if (!create.Succeeded)
                return new(false, false, $"The account {userName} was not created: {string.Join(" ", create.Errors.Select(e => e.Description))}");
            created = true;
        }
        foreach (var role in roles)
            if (!await users.IsInRoleAsync(user, role))
            {
                var added = await users.AddToRoleAsync(user, role);
                if (!added.Succeeded) return new(false, created, $"The role {role} was not given to {userName}: {string.Join(" ", added.Errors.Select(e => e.Description))}");
            }
        await audit.RecordAsync(new AuditRecord(actor, AuditActions.UserCreated, user.CatalogUserRef) { After = new { userName, roles, created } }, cancellationToken);
        return new(true, created, created ? $"Created {userName} ({string.Join(", ", roles)})." : $"{userName} already existed; roles ensured: {string.Join(", ", roles)}.");
    }
}
