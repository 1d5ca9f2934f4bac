namespace Catalog.Web.ReadModel;

public sealed record HomeStatistics(
    IReadOnlyList<KindCount> Kinds,
    long LineageEdges,
    long ColumnLineageEdges,
    long RunsLastDay,
    long FailedRunsLastDay,
    IReadOnlyList<RecentHarvest> RecentHarvests);

public sealed record KindCount(string Kind, long Count);
public sealed record RecentHarvest(string Harvester, string Target, string Status, DateTimeOffset StartedAt, int Items, int Errors);
