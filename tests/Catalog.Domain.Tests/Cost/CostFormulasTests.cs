using Catalog.Domain.Cost;

namespace Catalog.Domain.Tests.Cost;

public class CostFormulasTests
{
    private const long GiB = 1L << 30;

    [Fact]
    public void Storage_cost_is_GiB_stored_times_the_price_per_GB_month()
    {
        Assert.Equal(0.20m, CostFormulas.MonthlyStorage(10 * GiB, new StoragePrice("gcs", null, 0.02m)));
        Assert.Equal(0.01m, CostFormulas.MonthlyStorage(GiB / 2, new StoragePrice("gcs", null, 0.02m)));
    }

    [Fact]
    public void A_day_of_storage_costs_the_monthly_price_over_an_average_month()
    {
        var daily = CostFormulas.DailyStorage(30 * GiB, new StoragePrice(null, null, 0.023m));
        Assert.Equal(30 * 0.023m / 30.4375m, daily);
    }

    [Fact]
    public void A_run_priced_by_duration_costs_hours_times_units_times_price()
    {
        var spark = new ComputePrice("spark", 0.048m, 8);
        Assert.Equal(0.192m, CostFormulas.Run(TimeSpan.FromMinutes(30), bytesScanned: null, spark));
    }

    [Fact]
    public void A_run_on_a_scan_priced_platform_is_priced_by_the_bytes_it_scanned()
    {
        var bigquery = new ComputePrice("bigquery", 0.04m, 100) { PerTbScanned = 6.25m };
        Assert.Equal(3.125m, CostFormulas.Run(TimeSpan.FromHours(5), bytesScanned: 512 * GiB, bigquery));
        // Without a reported scan it falls back to slot-hours.
        Assert.Equal(4m, CostFormulas.Run(TimeSpan.FromHours(1), bytesScanned: null, bigquery));
    }

    [Fact]
    public void Negative_sizes_and_durations_cost_nothing_rather_than_refunding()
    {
        Assert.Equal(0m, CostFormulas.MonthlyStorage(-5, new StoragePrice(null, null, 1m)));
        Assert.Equal(0m, CostFormulas.Run(TimeSpan.FromMinutes(-3), null, new ComputePrice(null, 1m)));
    }

    [Fact]
    public void Month_over_month_change_is_relative_and_absent_without_a_previous_month()
    {
        Assert.Equal(0.5m, CostFormulas.Change(10m, 15m));
        Assert.Equal(-0.25m, CostFormulas.Change(20m, 15m));
        Assert.Null(CostFormulas.Change(0m, 15m));
    }
}
