namespace Catalog.Plugins.Cost.Queries;

/// <summary>One day of cost: storage plus compute.</summary>
public sealed record DailyCost(DateOnly Day, decimal Storage, decimal Compute, long StorageBytes, double ComputeSeconds)
{
    public decimal Total => Storage + Compute;
}

/// <summary>
/// An entity's (or a group's) cost over the month-to-date and the same days of the previous month.
/// <see cref="Change"/> is relative (0.25 = +25 %), null when the previous period cost nothing.
/// </summary>
public sealed record CostLine(string Key, string Label, string? Kind, decimal ThisMonth, decimal PreviousMonth)
{
    public decimal? Change => Domain.Cost.CostFormulas.Change(PreviousMonth, ThisMonth);
}

/// <summary>The comparison window: month-to-date up to <see cref="Through"/> against the same days of the previous month.</summary>
public sealed record CostPeriod(DateOnly From, DateOnly Through, DateOnly PreviousFrom, DateOnly PreviousThrough)
{
    public static CostPeriod MonthToDate(DateOnly through)
    {
        var from = new DateOnly(through.Year, through.Month, 1);
        var previousFrom = from.AddMonths(-1);
        var previousThrough = previousFrom.AddDays(Math.Min(through.Day, DateTime.DaysInMonth(previousFrom.Year, previousFrom.Month)) - 1);
        return new CostPeriod(from, through, previousFrom, previousThrough);
    }
}

/// <summary>Which slice of the snapshots a view is about.</summary>
public sealed record CostScope(CostDimension Dimension, string? Value)
{
    public static CostScope Everything { get; } = new(CostDimension.All, null);
    public static CostScope Team(string ownerRef) => new(CostDimension.Team, ownerRef);
    public static CostScope Namespace(string @namespace) => new(CostDimension.Namespace, @namespace);
    public static CostScope Entity(long id) => new(CostDimension.Entity, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public enum CostDimension
{
    All,
    Team,
    Namespace,
    Entity,
}

/// <summary>An entity downstream of another (via lineage) and what it cost in the period.</summary>
public sealed record DownstreamCost(long EntityId, string Ref, string Kind, int Depth, decimal ThisMonth);
