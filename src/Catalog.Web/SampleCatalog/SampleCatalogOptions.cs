using Catalog.Storage;

namespace Catalog.Web.SampleCatalog;

/// <summary><c>Catalog:SampleCatalog</c>: what a first start harvests so a new user sees a living portal, and the simulated scheduler that keeps it alive.</summary>
public sealed class SampleCatalogOptions
{
    public const string Section = "Catalog:SampleCatalog";

    /// <summary>Harvest the sample into a catalog that has no entities yet.</summary>
    public bool SeedOnFirstStart { get; set; } = true;

    /// <summary>The sample's folder; default <c>samples/catalog</c> in the repository.</summary>
    public string? Path { get; set; }

    /// <summary>Days of run history the seeding generates, ending now (cost charts show 90 days).</summary>
    public int SeedDays { get; set; } = 90;

    /// <summary>Keep the sample's workflows running on their schedules while the portal runs (<see cref="SampleScheduler"/>).</summary>
    public bool Simulate { get; set; } = true;

    /// <summary>Also simulate on a configured (non-embedded) database. Off by default: a real catalog never gets invented runs.</summary>
    public bool SimulateOnConfiguredDatabase { get; set; }

    /// <summary>How often the scheduler emits what became due.</summary>
    public int TickSeconds { get; set; } = 60;

    /// <summary>After a portal was down, catch up at most this many days (older gaps stay gaps), so a start after months away stays fast.</summary>
    public int MaxCatchUpDays { get; set; } = 7;

    /// <summary>
    /// Hourly jobs run only in the last this many days of what a seeding or catch-up generates: they are three
    /// quarters of all runs, and health looks back 48 hours. Daily jobs fill the whole window (the cost history).
    /// </summary>
    public int HourlyHistoryDays { get; set; } = 3;

    /// <summary>
    /// Sizes of the recorded runs are multiplied by this: the recorded day is a small platform, the scaled one
    /// stores what a streaming service's warehouse does (tens to thousands of USD a month per team).
    /// </summary>
    public double SizeScale { get; set; } = 200;

    /// <summary>Set at start-up: true when the catalog runs on the embedded cluster (no connection string configured).</summary>
    internal bool EmbeddedDatabase { get; set; }

    public string ResolveRoot() =>
        Path ?? System.IO.Path.Combine(RepositoryPaths.FindRoot() ?? Directory.GetCurrentDirectory(), "samples", "catalog");

    /// <summary>Why the scheduler does not run, or null when it does.</summary>
    internal string? WhySchedulerIsOff() =>
        !Simulate ? "Catalog:SampleCatalog:Simulate is false"
        : !EmbeddedDatabase && !SimulateOnConfiguredDatabase ? "the database is configured, not embedded (set Catalog:SampleCatalog:SimulateOnConfiguredDatabase to simulate on it)"
        : null;
}
