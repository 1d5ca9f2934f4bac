namespace Catalog.Domain.Workflows;

public enum ScheduleKind
{
    /// <summary>Runs on demand or on events; no lateness can be computed.</summary>
    None,
    Hourly,
    Daily,
    Cron,
}
