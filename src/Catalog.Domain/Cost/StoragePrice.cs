namespace Catalog.Domain.Cost;

/// <summary>
/// Price of keeping one GB (2^30 bytes, as cloud bills count it) for one month on a platform and storage class.
/// A null <see cref="Platform"/> or <see cref="StorageClass"/> matches any value (a fallback row).
/// </summary>
public sealed record StoragePrice(string? Platform, string? StorageClass, decimal PerGbMonth);
