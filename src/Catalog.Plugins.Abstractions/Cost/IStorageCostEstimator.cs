namespace Catalog.Plugins.Cost;

/// <summary>
/// Prices storage so other plugins (the retention plan in governance) can say what a change saves.
/// Implemented by the cost plugin from configured prices; absent when that plugin is not loaded.
/// </summary>
public interface IStorageCostEstimator
{
    /// <summary>The ISO currency prices are in, e.g. USD.</summary>
    string Currency { get; }

    /// <summary>Monthly cost of keeping <paramref name="bytes"/> on a platform and storage class.</summary>
    decimal MonthlyStorageCost(string? platform, string? storageClass, long bytes);
}
