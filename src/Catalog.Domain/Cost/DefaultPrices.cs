namespace Catalog.Domain.Cost;

/// <summary>
/// Built-in list prices (USD, public on-demand list prices of the major clouds, rounded), so cost views show
/// plausible numbers before anyone configures prices. docs/COST-AND-HEALTH.md lists them with their sources;
/// deployments override single rows under <c>Plugins:cost:Prices</c>.
/// </summary>
public static class DefaultPrices
{
    public static PriceBook Book { get; } = new(
        "USD",
        [
            new StoragePrice(null, null, 0.023m),
            new StoragePrice("bigquery", null, 0.02m),
            new StoragePrice("bigquery", "long-term", 0.01m),
            new StoragePrice("gcs", null, 0.02m),
            new StoragePrice("gcs", "nearline", 0.01m),
            new StoragePrice("gcs", "coldline", 0.004m),
            new StoragePrice("gcs", "archive", 0.0012m),
            new StoragePrice("s3", null, 0.023m),
            new StoragePrice("s3", "standard-ia", 0.0125m),
            new StoragePrice("s3", "glacier", 0.004m),
            new StoragePrice("snowflake", null, 0.023m),
            new StoragePrice("postgres", null, 0.115m),
        ],
        [
            new ComputePrice(null, 0.05m),
            new ComputePrice("bigquery", 0.04m, 100) { PerTbScanned = 6.25m },
            new ComputePrice("spark", 0.048m, 8),
            new ComputePrice("snowflake", 2.00m, 1),
            new ComputePrice("postgres", 0.05m, 2),
        ]);
}
