namespace Catalog.Storage.Entities;

public sealed class SchemaVersionRecord
{
    public long Id { get; set; }
    public long EntityId { get; set; }
    public int Version { get; set; }
    public string Fingerprint { get; set; } = "";
    public string Definition { get; set; } = "";
    public string Compatibility { get; set; } = "initial";
    public string Changes { get; set; } = "[]";
    public DateTimeOffset CreatedAt { get; set; }
}
