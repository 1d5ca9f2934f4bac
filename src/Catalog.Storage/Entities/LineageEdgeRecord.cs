namespace Catalog.Storage.Entities;

public sealed class LineageEdgeRecord
{
    public long Id { get; set; }
    public long FromId { get; set; }
    public long ToId { get; set; }
    public string EdgeKind { get; set; } = "";
    public Guid? RunId { get; set; }
    public string? SourceLocation { get; set; }
    public DateTimeOffset FirstSeen { get; set; }
    public DateTimeOffset LastSeen { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
}
