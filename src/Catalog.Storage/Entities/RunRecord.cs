namespace Catalog.Storage.Entities;

public sealed class RunRecord
{
    public Guid Id { get; set; }
    public long JobId { get; set; }
    public string State { get; set; } = "new";
    public DateTimeOffset? NominalStart { get; set; }
    public DateTimeOffset? NominalEnd { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? ErrorMessage { get; set; }
    public Guid? ParentRunId { get; set; }
    public string Facets { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; }
}
