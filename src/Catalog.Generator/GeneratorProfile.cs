namespace Catalog.Generator;

/// <summary>
/// How big a generated catalog is. <see cref="Default"/> is the size of a large music-streaming company's data
/// platform; <see cref="Small"/> loads in seconds for tests; <see cref="Medium"/> is a tenth of the default.
/// </summary>
public sealed record GeneratorProfile
{
    public required string Name { get; init; }
    public int Teams { get; init; }
    public int UsersPerTeam { get; init; } = 3;
    public int EventTypes { get; init; }
    public int Workflows { get; init; }
    /// <summary>Datasets (tables, paths, topics). The first <see cref="EventTypes"/> are the event types' topics.</summary>
    public int Endpoints { get; init; }
    /// <summary>Total columns over all endpoints (skewed: most tables are narrow, some are wide).</summary>
    public int Columns { get; init; }
    /// <summary>Days of partitions kept for partitioned endpoints.</summary>
    public int PartitionDays { get; init; } = 30;
    /// <summary>Days of run history per workflow (hourly workflows run 24 times a day).</summary>
    public int RunDays { get; init; } = 2;
    /// <summary>Endpoints read by thousands of workflows (at the default size): the catalog's lineage hubs.</summary>
    public int Hubs { get; init; }
    /// <summary>Share of workflow inputs that are one of the hubs.</summary>
    public double HubShare { get; init; } = 0.15;
    /// <summary>Share of endpoints written by a workflow (the rest are sources: topics, exports, ingested files).</summary>
    public double DerivedShare { get; init; } = 0.5;
    /// <summary>One derived endpoint in this many is partitioned (hourly or daily, as its producing workflow).</summary>
    public int PartitionEvery { get; init; } = 5;
    /// <summary>One workflow in this many runs hourly; the rest daily.</summary>
    public int HourlyEvery { get; init; } = 5;

    public static GeneratorProfile Default { get; } = new()
    {
        Name = "default", Teams = 500, EventTypes = 1_800, Workflows = 38_000, Endpoints = 200_000, Columns = 2_000_000, Hubs = 5,
    };

    public static GeneratorProfile Medium { get; } = new()
    {
        Name = "medium", Teams = 100, EventTypes = 180, Workflows = 3_800, Endpoints = 20_000, Columns = 200_000, Hubs = 3,
    };

    public static GeneratorProfile Small { get; } = new()
    {
        Name = "small", Teams = 12, EventTypes = 30, Workflows = 200, Endpoints = 1_000, Columns = 10_000, PartitionDays = 3, Hubs = 2,
    };

    public static IReadOnlyList<GeneratorProfile> All { get; } = [Small, Medium, Default];

    public static GeneratorProfile? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public int Users => Teams * UsersPerTeam;
    public int Entities => Teams + Users + EventTypes + Workflows + Endpoints;
    public int DerivedEndpoints => (int)(Endpoints * DerivedShare);
    public int SourceEndpoints => Endpoints - DerivedEndpoints;

    /// <summary>Why this profile cannot be generated, or null when it can.</summary>
    public string? Validate() =>
        Teams < 1 ? "teams must be at least 1"
        : Hubs < 1 || Hubs > EventTypes ? "hubs must be between 1 and the number of event types (hubs are event topics)"
        : EventTypes >= SourceEndpoints ? "there must be more source endpoints than event types"
        : Workflows < 1 || Workflows > DerivedEndpoints ? "every workflow writes at least one endpoint: workflows must be between 1 and the derived endpoints"
        : Columns < 2 * Endpoints ? "every endpoint has an id and a time column: columns must be at least twice the endpoints"
        : PartitionDays < 1 || RunDays < 1 ? "partition and run days must be at least 1"
        : null;
}
