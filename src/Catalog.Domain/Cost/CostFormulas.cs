namespace Catalog.Domain.Cost;

/// <summary>The cost formulas. Kept in one place so the views, snapshots and governance's retention plan agree.</summary>
public static class CostFormulas
{
    /// <summary>Bytes in a billed GB: clouds bill storage per GiB and call it GB.</summary>
    public const decimal BytesPerGb = 1024m * 1024m * 1024m;
    /// <summary>Bytes in a billed TB for bytes-scanned pricing (TiB).</summary>
    public const decimal BytesPerTb = BytesPerGb * 1024m;
    /// <summary>An average month (365.25 / 12 days): a day of storage costs a month's price divided by this.</summary>
    public const decimal DaysPerMonth = 30.4375m;

    public static decimal MonthlyStorage(long bytes, StoragePrice price) =>
        Math.Max(bytes, 0) / BytesPerGb * price.PerGbMonth;

    public static decimal DailyStorage(long bytes, StoragePrice price) => MonthlyStorage(bytes, price) / DaysPerMonth;

    /// <summary>Cost of one run: by bytes scanned when the platform prices scans and the run reported them, else by duration.</summary>
    public static decimal Run(TimeSpan duration, long? bytesScanned, ComputePrice price)
    {
        if (price.PerTbScanned is { } perTb && bytesScanned is { } scanned)
            return Math.Max(scanned, 0) / BytesPerTb * perTb;
        var hours = (decimal)Math.Max(duration.TotalSeconds, 0) / 3600m;
        return hours * price.Units * price.PerUnitHour;
    }

    /// <summary>Relative change from <paramref name="previous"/> to <paramref name="current"/>; null when there was nothing before.</summary>
    public static decimal? Change(decimal previous, decimal current) =>
        previous == 0 ? null : (current - previous) / previous;
}
