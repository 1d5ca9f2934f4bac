namespace Catalog.Storage.Entities;

public sealed class RawInputRecord
{
    public long Id { get; set; }
    public Guid? RunId { get; set; }
    public string Harvester { get; set; } = "";
    public string Location { get; set; } = "";
    public string MediaType { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public byte[] Payload { get; set; } = [];
    public DateTimeOffset ReceivedAt { get; set; }
    public string Status { get; set; } = "pending";
    public string? Error { get; set; }
}
