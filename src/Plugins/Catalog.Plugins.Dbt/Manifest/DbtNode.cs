using System.Text.Json;

namespace Catalog.Plugins.Dbt.Manifest;

/// <summary>A model, seed, snapshot or source: something dbt builds or reads that is a table or view.</summary>
public sealed record DbtNode
{
    public required string UniqueId { get; init; }
    public required string ResourceType { get; init; }
    public required string Name { get; init; }
    public required string Package { get; init; }
    public string? Database { get; init; }
    public string? Schema { get; init; }
    /// <summary>The relation's name: a model's alias, a source's identifier.</summary>
    public string? Identifier { get; init; }
    public string? RelationName { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Owner { get; init; }
    public IReadOnlyList<DbtColumn> Columns { get; init; } = [];
    public IReadOnlyList<string> DependsOn { get; init; } = [];
    public string? Version { get; init; }
    public string? LatestVersion { get; init; }
    public string? Materialized { get; init; }
    public string? Access { get; init; }
    public string? Group { get; init; }
    public string? Sql { get; init; }
    public string? OriginalFilePath { get; init; }
    public JsonElement? Meta { get; init; }
    /// <summary>A public model of another project injected into this manifest (dbt mesh): described, not built, here.</summary>
    public bool IsExternal { get; init; }

    public bool IsBuilt => ResourceType is "model" or "seed" or "snapshot" && !IsExternal;
}

public sealed record DbtColumn(string Name)
{
    public string? Description { get; init; }
    public string? DataType { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public JsonElement? Meta { get; init; }
}

/// <summary>A dbt data test (generic or singular) and the node/column it checks.</summary>
public sealed record DbtTest(string UniqueId, string Name)
{
    public string? AttachedNode { get; init; }
    public string? Column { get; init; }
    public string? TestType { get; init; }
    public string? Severity { get; init; }
}

public sealed record DbtExposure(string UniqueId, string Name, string Package)
{
    public string? Type { get; init; }
    public string? Description { get; init; }
    public string? OwnerName { get; init; }
    public string? OwnerEmail { get; init; }
    public string? Url { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> DependsOn { get; init; } = [];
}

/// <summary>A problem in one part of an artifact (a node that could not be read); the rest still lands.</summary>
public sealed record DbtProblem(string JsonPath, string Reason);
