namespace Catalog.Storage.Entities;

public sealed class PartitionRecord
{
    public long Id { get; set; }
    public long DatasetId { get; set; }
    public string PartitionKey { get; set; } = "";
    public string Granularity { get; set; } = "none";
    public long? RowCount { get; set; }
    public long? Bytes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? RunId { get; set; }
}
