namespace Catalog.Domain.Cost;

/// <summary>
/// Price of running on a platform. Duration-priced: <c>hours × <see cref="Units"/> × <see cref="PerUnitHour"/></c>,
/// where a unit is a vCPU, a slot or a warehouse credit. When <see cref="PerTbScanned"/> is set and a run reports
/// the bytes it scanned, the run is priced by bytes instead (BigQuery on-demand).
/// A null <see cref="Platform"/> matches any platform (the fallback row).
/// </summary>
public sealed record ComputePrice(string? Platform, decimal PerUnitHour, decimal Units = 1)
{
    public decimal? PerTbScanned { get; init; }
}
