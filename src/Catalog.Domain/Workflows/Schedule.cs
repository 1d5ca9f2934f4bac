namespace Catalog.Domain.Workflows;

/// <summary>
/// When a workflow is expected to run and by when its output is due. <see cref="Deadline"/> is measured
/// from the end of the nominal period: an hourly job for 13:00–14:00 with a 90-minute deadline is late at 15:30.
/// </summary>
public sealed record Schedule
{
    public static Schedule Unscheduled { get; } = new() { Kind = ScheduleKind.None };

    public ScheduleKind Kind { get; init; }
    public string? Cron { get; init; }
    /// <summary>IANA time zone the schedule is expressed in; daily periods start at local midnight.</summary>
    public string TimeZone { get; init; } = "UTC";
    public TimeSpan Deadline { get; init; } = TimeSpan.FromHours(2);
}
