namespace Catalog.Storage.Entities;

public sealed class ColumnLineageEdgeRecord
{
    public long Id { get; set; }
    public long FromDatasetId { get; set; }
    public string FromField { get; set; } = "";
    public long ToDatasetId { get; set; }
    public string ToField { get; set; } = "";
    public string? TransformationType { get; set; }
    public string? TransformationSubtype { get; set; }
    public string? Description { get; set; }
    public long? JobId { get; set; }
    public string? SourceLocation { get; set; }
    public DateTimeOffset FirstSeen { get; set; }
    public DateTimeOffset LastSeen { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
}
