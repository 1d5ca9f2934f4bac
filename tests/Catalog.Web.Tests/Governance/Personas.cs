using Catalog.Plugins.Security;

namespace Catalog.Web.Tests.Governance;

/// <summary>Who acts in the tests: the six roles of the authorization matrix.</summary>
public sealed record Persona(string Name, string? UserName, string[] Roles)
{
    public string Actor => UserName is null ? "anonymous" : $"user:default:{UserName}";
    public override string ToString() => Name;
}

public static class Personas
{
    /// <summary>Long enough for the password rule; only ever used against throwaway test databases.</summary>
    public const string Password = "test-only passphrase 4 governance";

    public static readonly Persona Anonymous = new("anonymous", null, []);
    public static readonly Persona Viewer = new("viewer", "victor", []);
    public static readonly Persona OtherOwner = new("owner of another team", "oscar", []);
    public static readonly Persona Owner = new("owner", "olivia", []);
    public static readonly Persona Auditor = new("auditor", "ada", [CatalogRoles.Auditor]);
    public static readonly Persona Admin = new("admin", "root", [CatalogRoles.Admin]);

    public static IReadOnlyList<Persona> All { get; } = [Anonymous, Viewer, OtherOwner, Owner, Auditor, Admin];

    public static Persona ByName(string name) => All.Single(p => p.Name == name);
}
