namespace Catalog.Storage.Entities;

public sealed class EntityRelationRecord
{
    public long FromId { get; set; }
    public string Relation { get; set; } = "";
    public long ToId { get; set; }
    public string? SourceLocation { get; set; }
}
