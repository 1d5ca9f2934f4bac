namespace Catalog.Domain.Cost;

/// <summary>
/// The prices cost is computed with. Lookups go from the most specific row to the least: platform and storage
/// class, then platform with any class, then the fallback row. Platform and class compare case-insensitively.
/// </summary>
public sealed class PriceBook
{
    private readonly IReadOnlyList<StoragePrice> storage;
    private readonly IReadOnlyList<ComputePrice> compute;

    public PriceBook(string currency, IEnumerable<StoragePrice> storage, IEnumerable<ComputePrice> compute)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        Currency = currency;
        this.storage = [.. storage];
        this.compute = [.. compute];
        if (this.storage.Any(p => p.PerGbMonth < 0) || this.compute.Any(p => p.PerUnitHour < 0 || p.Units < 0 || p.PerTbScanned < 0))
            throw new ArgumentException("Prices must not be negative.");
    }

    public string Currency { get; }
    public IReadOnlyList<StoragePrice> StoragePrices => storage;
    public IReadOnlyList<ComputePrice> ComputePrices => compute;

    /// <summary>
    /// A new book where <paramref name="overrides"/> replace rows with the same platform/class and add the rest.
    /// Configuration uses this, so a deployment states only the prices it changes.
    /// </summary>
    public PriceBook With(string? currency, IEnumerable<StoragePrice> storageOverrides, IEnumerable<ComputePrice> computeOverrides)
    {
        var s = storage.ToList();
        foreach (var o in storageOverrides)
        {
            s.RemoveAll(p => Same(p.Platform, o.Platform) && Same(p.StorageClass, o.StorageClass));
            s.Add(o);
        }
        var c = compute.ToList();
        foreach (var o in computeOverrides)
        {
            c.RemoveAll(p => Same(p.Platform, o.Platform));
            c.Add(o);
        }
        return new PriceBook(string.IsNullOrWhiteSpace(currency) ? Currency : currency, s, c);
    }

    public StoragePrice StoragePriceFor(string? platform, string? storageClass) =>
        storage.FirstOrDefault(p => p.Platform is not null && Same(p.Platform, platform) && p.StorageClass is not null && Same(p.StorageClass, storageClass))
        ?? storage.FirstOrDefault(p => p.Platform is not null && Same(p.Platform, platform) && p.StorageClass is null)
        ?? storage.FirstOrDefault(p => p.Platform is null && p.StorageClass is not null && Same(p.StorageClass, storageClass))
        ?? storage.FirstOrDefault(p => p.Platform is null && p.StorageClass is null)
        ?? new StoragePrice(null, null, 0m);

    public ComputePrice ComputePriceFor(string? platform) =>
        compute.FirstOrDefault(p => p.Platform is not null && Same(p.Platform, platform))
        ?? compute.FirstOrDefault(p => p.Platform is null)
        ?? new ComputePrice(null, 0m);

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
