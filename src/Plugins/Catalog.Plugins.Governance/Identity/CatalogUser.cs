using Microsoft.AspNetCore.Identity;

namespace Catalog.Plugins.Governance.Identity;

/// <summary>A local account. <see cref="CatalogUserRef"/> ties it to the catalog's user entity and so to its teams.</summary>
public sealed class CatalogUser : IdentityUser
{
    public string CatalogUserRef { get; set; } = "";
    /// <summary>Set from the injected clock by <see cref="Users.AdminUserCommand"/>, so tests control it.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    public static string DefaultRefFor(string userName) => $"user:default:{userName}";
}
