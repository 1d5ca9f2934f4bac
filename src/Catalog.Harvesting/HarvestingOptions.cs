namespace Catalog.Harvesting;

/// <summary>Engine settings, bound from <c>Catalog:Harvesting</c>.</summary>
public sealed class HarvestingOptions
{
    public const string Section = "Catalog:Harvesting";

    /// <summary>
    /// Stale removal fail-safe: the largest share (0–1) of what one location reported before that one Full input may
    /// remove. Past it, nothing is removed and the run records an error instead. Default 0.5.
    /// </summary>
    public double MaxRemovalShare { get; set; } = 0.5;

    /// <summary>Inputs larger than this are refused with an error (and not stored). Default 64 MiB.</summary>
    public int MaxInputBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>How many errors a run summary carries back to its caller (all are stored). Default 50.</summary>
    public int SummaryErrors { get; set; } = 50;

    /// <summary>How often a running harvest tells the database it is alive. Default 30 s.</summary>
    public int HeartbeatSeconds { get; set; } = 30;

    /// <summary>
    /// A 'running' run whose last heartbeat is older than this is marked 'abandoned' (its process died). Runs of this
    /// host whose process id no longer exists are marked at once. Default 10 minutes.
    /// </summary>
    public int AbandonAfterMinutes { get; set; } = 10;

    /// <summary>Pushed inputs (OpenLineage POSTs) are counted in one run per window of this many minutes. Default 60.</summary>
    public int PushWindowMinutes { get; set; } = 60;

    public IEnumerable<string> Validate()
    {
        if (HeartbeatSeconds < 1) yield return $"{Section}:HeartbeatSeconds must be at least 1 (it is {HeartbeatSeconds}).";
        if (AbandonAfterMinutes * 60 <= 2 * HeartbeatSeconds)
            yield return $"{Section}:AbandonAfterMinutes ({AbandonAfterMinutes}) must be longer than two heartbeats ({2 * HeartbeatSeconds} s).";
        if (PushWindowMinutes is < 1 or > 1440) yield return $"{Section}:PushWindowMinutes must be 1–1440 (it is {PushWindowMinutes}).";
        if (MaxRemovalShare is < 0 or > 1) yield return $"{Section}:MaxRemovalShare must be between 0 and 1 (it is {MaxRemovalShare}).";
        if (MaxInputBytes < 1024) yield return $"{Section}:MaxInputBytes must be at least 1024 (it is {MaxInputBytes}).";
    }
}
