namespace Catalog.Plugins.Descriptors.Backstage;

/// <summary>
/// Which spec fields are relations, as Backstage's processors read them: the relation type, whether the declaring
/// entity is the relation's source, and the kind a reference without one implies.
/// </summary>
public static class BackstageRelations
{
    public sealed record Rule(string Field, string Relation, bool FromThis, string DefaultKind, bool Single);

    public static IReadOnlyList<Rule> Rules { get; } =
    [
        new("owner", "ownedBy", true, "Group", Single: true),
        new("system", "partOf", true, "System", Single: true),
        new("domain", "partOf", true, "Domain", Single: true),
        new("subdomainOf", "partOf", true, "Domain", Single: true),
        new("subcomponentOf", "partOf", true, "Component", Single: true),
        new("dependsOn", "dependsOn", true, "Component", Single: false),
        new("dependencyOf", "dependsOn", false, "Component", Single: false),
        new("providesApis", "providesApi", true, "API", Single: false),
        new("consumesApis", "consumesApi", true, "API", Single: false),
        new("apiProvidedBy", "providesApi", false, "Component", Single: false),
        new("apiConsumedBy", "consumesApi", false, "Component", Single: false),
        new("memberOf", "memberOf", true, "Group", Single: false),
        new("members", "memberOf", false, "User", Single: false),
        new("parent", "parentOf", false, "Group", Single: true),
        new("children", "parentOf", true, "Group", Single: false),
    ];

    /// <summary>
    /// Spec fields each kind must have (Backstage's kind schemas); other kinds need none. An API's definition is not
    /// required: Backstage's own demo declares an MCP server API with <c>remotes</c> and no definition.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> RequiredSpecFields { get; } = new Dictionary<string, string[]>
    {
        ["Component"] = ["type", "lifecycle", "owner"],
        ["API"] = ["type", "lifecycle", "owner"],
        ["Resource"] = ["type", "owner"],
        ["System"] = ["owner"],
        ["Domain"] = ["owner"],
        ["Group"] = ["type"],
    };
}
