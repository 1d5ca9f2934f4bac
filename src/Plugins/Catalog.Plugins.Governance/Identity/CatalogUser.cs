using Microsoft.AspNetCore.Identity;

namespace Catalog.Plugins.Governance.Identity;

/// <summary>A local account. <see cref="CatalogUserRef"/> ties it to the catalog's user entity and so to its teams.</summary>
public sealed class CatalogUser : IdentityUser
{
    public string CatalogUserRef { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public static string DefaultRefFor(string userName) => $"user:default:{userName}";
}
