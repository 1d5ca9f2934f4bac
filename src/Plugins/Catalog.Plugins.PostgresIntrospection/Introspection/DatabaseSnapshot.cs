namespace Catalog.Plugins.PostgresIntrospection.Introspection;

/// <summary>
/// What introspection read from one database, as plain data. It is serialized as the harvest input, so the raw input
/// is stored and replayable, and an unchanged database (same snapshot, same hash) is skipped on the next run.
/// It never holds credentials or timestamps.
/// </summary>
public sealed record DatabaseSnapshot(string Database, string? Comment, IReadOnlyList<SchemaSnapshot> Schemas, IReadOnlyList<RelationSnapshot> Relations);

public sealed record SchemaSnapshot(string Name, string? Comment);

/// <summary>A table, partitioned table, partition, view, materialized view or foreign table.</summary>
public sealed record RelationSnapshot(string Schema, string Name, RelationKind Kind)
{
    public string? Comment { get; init; }
    /// <summary>pg_class.reltuples; null when the table was never analyzed (-1) or has no storage.</summary>
    public long? RowEstimate { get; init; }
    /// <summary>pg_total_relation_size (table, indexes, TOAST); for a partitioned table, the sum over its partitions.</summary>
    public long? TotalBytes { get; init; }
    /// <summary>For a partition: its parent, <c>schema.name</c>, and its bound (<c>FOR VALUES FROM … TO …</c>).</summary>
    public string? PartitionOf { get; init; }
    public string? PartitionBound { get; init; }
    public IReadOnlyList<ColumnSnapshot> Columns { get; init; } = [];
    public KeySnapshot? PrimaryKey { get; init; }
    public IReadOnlyList<ForeignKeySnapshot> ForeignKeys { get; init; } = [];
    /// <summary>For a view or materialized view: the relations its query reads (pg_depend on its pg_rewrite rule), <c>schema.name</c>.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public string QualifiedName => $"{Schema}.{Name}";
}

public enum RelationKind
{
    Table,
    PartitionedTable,
    View,
    MaterializedView,
    ForeignTable,
}

public sealed record ColumnSnapshot(string Name, string Type, bool Nullable, string? Comment);

public sealed record KeySnapshot(string Name, IReadOnlyList<string> Columns);

public sealed record ForeignKeySnapshot(string Name, IReadOnlyList<string> Columns, string ReferencedSchema, string ReferencedTable, IReadOnlyList<string> ReferencedColumns);
