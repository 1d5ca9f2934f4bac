namespace Catalog.Plugins.Cost;

/// <summary>Configuration of the cost plugin, bound from <c>Plugins:cost</c>. Every key has a default; see README.md.</summary>
public sealed class CostOptions
{
    /// <summary>ISO currency of all prices. Default: the built-in book's (USD).</summary>
    public string? Currency { get; set; }

    /// <summary>Price rows that replace or add to the built-in defaults (docs/COST-AND-HEALTH.md lists them).</summary>
    public PriceOptions Prices { get; set; } = new();

    /// <summary>UTC time of day the daily snapshot runs. Default 01:00, after most daily pipelines.</summary>
    public TimeOnly SnapshotAtUtc { get; set; } = new(1, 0);

    /// <summary>Days of history snapshotted at start-up when missing (from existing partitions and runs). Default 90.</summary>
    public int BackfillDays { get; set; } = 90;

    /// <summary>
    /// How far back <c>POST /api/v1/cost/snapshots?day=</c> may (re)take a snapshot, in days before today. Default 3660
    /// (ten years, the longest span the daily API reads); future days are always refused.
    /// </summary>
    public int SnapshotHistoryDays { get; set; } = 3660;

    /// <summary>Run the daily snapshot service in this process. Default true; turn off on all but one portal replica if you like.</summary>
    public bool RunSnapshots { get; set; } = true;
}

public sealed class PriceOptions
{
    public List<StoragePriceOptions> Storage { get; set; } = [];
    public List<ComputePriceOptions> Compute { get; set; } = [];
}

public sealed class StoragePriceOptions
{
    /// <summary>Platform as harvested (entities.platform): bigquery, gcs, s3, snowflake… Empty matches any.</summary>
    public string? Platform { get; set; }
    /// <summary>Storage class (datasets.storage_class): nearline, coldline, long-term… Empty matches any.</summary>
    public string? StorageClass { get; set; }
    public decimal PerGbMonth { get; set; }
}

public sealed class ComputePriceOptions
{
    public string? Platform { get; set; }
    /// <summary>Price of one unit (vCPU, slot, credit) for one hour.</summary>
    public decimal PerUnitHour { get; set; }
    /// <summary>Units a run occupies while it runs. Default 1.</summary>
    public decimal Units { get; set; } = 1;
    /// <summary>When set, runs that report bytes scanned are priced per TiB scanned instead.</summary>
    public decimal? PerTbScanned { get; set; }
}
