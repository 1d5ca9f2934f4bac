namespace Catalog.Storage.Entities;

public sealed class QualityResultRecord
{
    public long Id { get; set; }
    public long DatasetId { get; set; }
    public string CheckName { get; set; } = "";
    public string? ColumnName { get; set; }
    public string Framework { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTimeOffset ExecutedAt { get; set; }
    public string? Message { get; set; }
    public Guid? RunId { get; set; }
}
