namespace Catalog.Web.SampleCatalog;

/// <summary>
/// A sample job as the scheduler runs it: its template (inputs, outputs, usual duration) and the schedule its
/// descriptor declares (hourly or daily, the cron's minute and hour, zone, deadline after the end of the period).
/// </summary>
public sealed record SampleJob(SampleJobTemplate Template, bool Hourly, int CronMinute, int CronHour, TimeZoneInfo Zone, TimeSpan Deadline)
{
    public string Key => $"{Template.Namespace}/{Template.Name}";

    /// <summary>From a cron such as <c>20 * * * *</c> or <c>30 4 * * *</c>; fields that are not numbers count as 0.</summary>
    public static SampleJob From(SampleJobTemplate template, bool hourly, string? cron, string timeZone, TimeSpan deadline)
    {
        var fields = (cron ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        static int Field(string[] f, int i) => f.Length > i && int.TryParse(f[i], out var v) ? v : 0;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return new SampleJob(template, hourly, Field(fields, 0), hourly ? 0 : Field(fields, 1), zone, deadline);
    }
}
