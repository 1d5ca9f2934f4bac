using Catalog.Domain.Cost;

namespace Catalog.Plugins.Cost.Pricing;

/// <summary>The <see cref="IStorageCostEstimator"/> other plugins (governance's retention plan) use: the configured prices.</summary>
public sealed class ConfiguredStorageCostEstimator(PriceBook prices) : IStorageCostEstimator
{
    public string Currency => prices.Currency;

    public decimal MonthlyStorageCost(string? platform, string? storageClass, long bytes) =>
        CostFormulas.MonthlyStorage(bytes, prices.StoragePriceFor(platform, storageClass));
}
