using Catalog.Plugins.Harvesting;

namespace Catalog.Harvesting;

public enum HarvestRunStatus
{
    Running,
    /// <summary>Every input landed (or was unchanged) without errors.</summary>
    Succeeded,
    /// <summary>Something landed and something did not: see the run's errors.</summary>
    Partial,
    /// <summary>Nothing landed: every input failed, or the harvester itself crashed.</summary>
    Failed,
    /// <summary>The process running it died (no heartbeat, or its pid is gone); counts are what it had written.</summary>
    Abandoned,
}

public static class HarvestRunStatuses
{
    public static string ToWire(this HarvestRunStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>What one harvest run did, as stored in <c>harvest_runs</c> and printed by the CLI.</summary>
public sealed record HarvestRunSummary
{
    public required Guid RunId { get; init; }
    public required string Harvester { get; init; }
    public required string Target { get; init; }
    public HarvestRunStatus Status { get; init; }
    public int InputsSeen { get; init; }
    public int InputsSkipped { get; init; }
    public int InputsFailed { get; init; }
    /// <summary>Of <see cref="InputsFailed"/>: unchanged since they last failed, so not processed again (see --force, replay).</summary>
    public int InputsStillFailing { get; init; }
    public int ItemsApplied { get; init; }
    public int EntitiesRemoved { get; init; }
    public int ErrorCount { get; init; }
    public TimeSpan Elapsed { get; init; }
    /// <summary>The first errors of the run (all are in <c>harvest_errors</c>), for the CLI to say what failed.</summary>
    public IReadOnlyList<HarvestError> Errors { get; init; } = [];

    public bool Failed => Status is HarvestRunStatus.Failed or HarvestRunStatus.Partial;

    public string Describe() =>
        $"{InputsSeen} inputs ({InputsSkipped} unchanged, {InputsFailed} failed" +
        (InputsStillFailing > 0 ? $" of which {InputsStillFailing} unchanged, still failing" : "") + $"), {ItemsApplied} items applied, " +
        $"{EntitiesRemoved} removed, {ErrorCount} errors";
}
