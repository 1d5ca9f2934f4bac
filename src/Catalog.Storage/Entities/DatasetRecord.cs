namespace Catalog.Storage.Entities;

public sealed class DatasetRecord
{
    public long EntityId { get; set; }
    public string Partitioning { get; set; } = "none";
    public string? StorageClass { get; set; }
}
