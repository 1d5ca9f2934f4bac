using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Domain.Policies;
using Catalog.Domain.Quality;
using Catalog.Domain.Schemas;
using Catalog.Domain.Workflows;

namespace Catalog.Harvesting.Storage;

/// <summary>The text values the schema's CHECK constraints accept, one mapping per domain enum.</summary>
internal static class Wire
{
    public static string Of(Lifecycle value) => value.ToString().ToLowerInvariant();

    public static string Of(Classification value) => value.ToWire();

    public static string Of(Visibility value) => value.ToString().ToLowerInvariant();

    public static string Of(PartitionGranularity value) => value.ToString().ToLowerInvariant();

    public static string Of(ScheduleKind value) => value.ToString().ToLowerInvariant();

    public static string Of(QualityStatus value) => value.ToString().ToLowerInvariant();

    public static string Of(SchemaCompatibility value) => value.ToString().ToLowerInvariant();

    public static string Of(AccessPermission value) => value.ToString().ToLowerInvariant();

    public static string Of(RunState value) => value switch
    {
        RunState.New => "new",
        RunState.Running => "running",
        RunState.Completed => "completed",
        RunState.Failed => "failed",
        RunState.Aborted => "aborted",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown run state."),
    };

    public static string Of(LineageEdgeKind value) => value switch
    {
        LineageEdgeKind.Reads => "reads",
        LineageEdgeKind.Writes => "writes",
        LineageEdgeKind.DerivedFrom => "derived_from",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown edge kind."),
    };

    public static string Of(RetentionMode value) => value switch
    {
        RetentionMode.KeepDays => "keep_days",
        RetentionMode.KeepLatest => "keep_latest",
        RetentionMode.KeepForever => "keep_forever",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown retention mode."),
    };
}
