namespace Catalog.Storage.Entities;

public sealed class HarvestErrorRecord
{
    public long Id { get; set; }
    public Guid? RunId { get; set; }
    public string Harvester { get; set; } = "";
    public string Location { get; set; } = "";
    public string? Position { get; set; }
    public string Reason { get; set; } = "";
    public long? RawInputId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
}
