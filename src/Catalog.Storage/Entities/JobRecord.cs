namespace Catalog.Storage.Entities;

public sealed class JobRecord
{
    public long EntityId { get; set; }
    public string? JobType { get; set; }
    public string ScheduleKind { get; set; } = "none";
    public string? Cron { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public int DeadlineMinutes { get; set; } = 120;
    public string? Sql { get; set; }
    public string? SourceCodeUrl { get; set; }
}
