namespace Catalog.Storage.Entities;

public sealed class DatasetFieldRecord
{
    public long EntityId { get; set; }
    public int Ordinal { get; set; }
    public string Name { get; set; } = "";
    public string? DataType { get; set; }
    public string? Description { get; set; }
    public bool? Nullable { get; set; }
    public string[] Tags { get; set; } = [];
    public string? Classification { get; set; }
}
