namespace Catalog.Domain.Entities;

/// <summary>
/// The kinds of entity the catalog knows. Data kinds come first; the organisational kinds
/// mirror Backstage's (Group, User, System, Domain, Component, API, Resource) so descriptor
/// YAML maps onto them without translation. Kinds are strings so plugins can add their own.
/// </summary>
public static class EntityKind
{
    /// <summary>A data endpoint: a table, a file path, a topic.</summary>
    public const string Dataset = "dataset";
    /// <summary>A workflow (scheduled pipeline) that reads and writes datasets.</summary>
    public const string Job = "job";
    /// <summary>An event type whose payload schema is versioned (Avro records, protocols).</summary>
    public const string EventType = "event-type";
    public const string Group = "group";
    public const string User = "user";
    public const string System = "system";
    public const string Domain = "domain";
    public const string Component = "component";
    public const string Api = "api";
    public const string Resource = "resource";

    public static IReadOnlyList<string> BuiltIn { get; } =
        [Dataset, Job, EventType, Group, User, System, Domain, Component, Api, Resource];

    /// <summary>Kinds are lower-case words with dashes: short, safe in URLs and refs.</summary>
    public static bool IsValid(string? kind) =>
        !string.IsNullOrEmpty(kind) && kind.Length <= 40 &&
        kind.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');
}
