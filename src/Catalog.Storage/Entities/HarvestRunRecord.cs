namespace Catalog.Storage.Entities;

public sealed class HarvestRunRecord
{
    public Guid Id { get; set; }
    public string Harvester { get; set; } = "";
    public string Target { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string Status { get; set; } = "running";
    public int InputsSeen { get; set; }
    public int InputsSkipped { get; set; }
    public int InputsFailed { get; set; }
    public int ItemsApplied { get; set; }
    public int EntitiesRemoved { get; set; }
    public int ErrorCount { get; set; }
    public string? Host { get; set; }
    public string? Summary { get; set; }
}
