using Catalog.Domain.Entities;

namespace Catalog.Web.ReadModel;

/// <summary>Everything the entity overview shows, loaded in one go. DTOs: never EF records.</summary>
public sealed record EntityDetails(long Id, CatalogEntity Entity)
{
    public string Visibility { get; init; } = "everyone";
    public string? OwnerTitle { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? SourceLocation { get; init; }
    public string? Partitioning { get; init; }
    public string? StorageClass { get; init; }
    public IReadOnlyList<FieldRow> Fields { get; init; } = [];
    public PartitionSummary? Partitions { get; init; }
    public JobSummary? Job { get; init; }
    public IReadOnlyList<RunRow> RecentRuns { get; init; } = [];
    public IReadOnlyList<RelationRow> Relations { get; init; } = [];
    public IReadOnlyList<RetentionRow> Retention { get; init; } = [];
    public IReadOnlyList<GrantRow> Grants { get; init; } = [];
    public IReadOnlyList<QualityRow> Quality { get; init; } = [];
    public IReadOnlyList<SchemaVersionRow> SchemaVersions { get; init; } = [];
    public IReadOnlyList<LineageNeighbour> Upstream { get; init; } = [];
    public IReadOnlyList<LineageNeighbour> Downstream { get; init; } = [];
    /// <summary>Unknown facets, verbatim JSON (pretty-printed, bounded) by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Facets { get; init; } = [];
}

public sealed record FieldRow(string Name, string? Type, string? Description, bool? Nullable, IReadOnlyList<string> Tags, string? Classification);
public sealed record PartitionSummary(long Count, long? TotalRows, long? TotalBytes, IReadOnlyList<PartitionRow> Latest);
public sealed record PartitionRow(string Key, long? Rows, long? Bytes, DateTimeOffset CreatedAt, Guid? RunId);
public sealed record JobSummary(string? JobType, string Schedule, string TimeZone, int DeadlineMinutes, string? Sql, string? SourceCodeUrl);
public sealed record RunRow(Guid Id, string State, DateTimeOffset? NominalStart, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? Error);
public sealed record RelationRow(string Relation, string Direction, EntityRef Other, string? OtherTitle);
public sealed record RetentionRow(string Scope, string Mode, int? Value, string? Justification, string Origin, string? UpdatedBy, DateTimeOffset UpdatedAt);
public sealed record GrantRow(string Principal, string Permission, string Origin, DateTimeOffset? ExpiresAt);
public sealed record QualityRow(string Check, string? Column, string Framework, string Status, DateTimeOffset ExecutedAt, string? Message);
public sealed record SchemaVersionRow(int Version, string Compatibility, string Fingerprint, IReadOnlyList<string> Changes, DateTimeOffset CreatedAt);
public sealed record LineageNeighbour(EntityRef Ref, string EdgeKind, string? Lifecycle);
