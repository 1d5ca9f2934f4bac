using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using Catalog.Domain.Workflows;
using Catalog.Plugins.Descriptors.Yaml;

namespace Catalog.Plugins.Descriptors.CatalogKinds;

/// <summary>
/// <c>spec.schedule</c>: <c>hourly</c>, <c>daily</c>, or a mapping with <c>interval</c> (hourly/daily/cron), <c>cron</c>
/// (five fields), <c>timezone</c> (IANA) and <c>deadline</c> (<c>90m</c>, <c>2h</c>, <c>1h30m</c>, <c>1d</c> or ISO 8601 <c>PT2H</c>).
/// </summary>
public static partial class ScheduleReader
{
    private const int MaxDeadlineMinutes = 100_000;

    public static Schedule Read(YamlMap spec)
    {
        var node = spec.Get("schedule");
        if (node is null) return Schedule.Unscheduled;
        if (node is not YamlDotNet.RepresentationModel.YamlMappingNode)
        {
            var text = spec.String("schedule");
            var kind = ParseInterval(text);
            if (kind is null) spec.Problem("schedule", $"'{text}' is not a schedule: expected hourly, daily, or a mapping with interval, cron, timezone and deadline");
            return new Schedule { Kind = kind ?? ScheduleKind.None };
        }
        var map = spec.Map("schedule")!;
        map.RejectUnknownKeys(["interval", "cron", "timezone", "deadline"]);
        var cron = map.String("cron");
        var intervalText = map.String("interval");
        var interval = intervalText is null ? (cron is null ? null : ScheduleKind.Cron) : ParseInterval(intervalText);
        if (intervalText is not null && interval is null)
            map.Problem("interval", $"'{intervalText}' is not an interval: expected hourly, daily or cron");
        if (interval is null && intervalText is null) map.Problem("interval", "is required: expected hourly, daily or cron");
        if (interval == ScheduleKind.Cron && cron is null) map.Problem("cron", "is required when interval is cron: expected five fields such as '15 3 * * *'");
        if (cron is not null && CronProblem(cron) is { } cronProblem) map.Problem("cron", $"'{cron}' {cronProblem}");
        var timeZone = map.String("timezone") ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            map.Problem("timezone", $"'{timeZone}' is not a known time zone: expected an IANA name such as Europe/Stockholm or UTC");
        var deadline = Schedule.Unscheduled.Deadline;
        if (map.String("deadline") is { } deadlineText)
        {
            if (TryParseDuration(deadlineText, out var parsed) && parsed > TimeSpan.Zero && parsed.TotalMinutes <= MaxDeadlineMinutes) deadline = parsed;
            else map.Problem("deadline", $"'{deadlineText}' is not a deadline: expected a duration up to {MaxDeadlineMinutes} minutes such as 90m, 2h, 1h30m, 1d or PT2H");
        }
        return new Schedule { Kind = interval ?? ScheduleKind.None, Cron = cron, TimeZone = timeZone, Deadline = deadline };
    }

    private static ScheduleKind? ParseInterval(string? text) => text switch
    {
        "hourly" => ScheduleKind.Hourly,
        "daily" => ScheduleKind.Daily,
        "cron" => ScheduleKind.Cron,
        "none" => ScheduleKind.None,
        _ => null,
    };

    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (text.StartsWith('P'))
        {
            try { duration = XmlConvert.ToTimeSpan(text); return true; }
            catch (FormatException) { return false; }
        }
        var match = DurationPattern().Match(text);
        if (!match.Success || text.Length == 0) return false;
        static int Part(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        duration = new TimeSpan(Part(match.Groups["d"]), Part(match.Groups["h"]), Part(match.Groups["m"]), 0);
        return true;
    }

    /// <summary>Null when <paramref name="cron"/> is a valid five-field expression, else what is wrong with it.</summary>
    public static string? CronProblem(string cron)
    {
        var parts = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5) return $"has {parts.Length} fields: expected five (minute hour day-of-month month day-of-week)";
        (string Name, int Min, int Max)[] fields = [("minute", 0, 59), ("hour", 0, 23), ("day-of-month", 1, 31), ("month", 1, 12), ("day-of-week", 0, 7)];
        for (var i = 0; i < 5; i++)
        {
            var field = fields[i];
            foreach (var item in parts[i].Split(','))
                if (!CronItemValid(item, field.Min, field.Max, i))
                    return $"has an invalid {field.Name} '{item}': expected *, a number {field.Min}–{field.Max}, a range a-b, a list a,b or a step */n";
        }
        return null;
    }

    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static bool CronItemValid(string item, int min, int max, int position)
    {
        var slash = item.Split('/');
        if (slash.Length > 2) return false;
        if (slash.Length == 2 && (!int.TryParse(slash[1], CultureInfo.InvariantCulture, out var step) || step < 1)) return false;
        var range = slash[0];
        if (range == "*") return true;
        var bounds = range.Split('-');
        if (bounds.Length > 2) return false;
        foreach (var bound in bounds)
        {
            var value = position switch
            {
                3 when Array.IndexOf(Months, bound.ToUpperInvariant()) is >= 0 and var m => m + 1,
                4 when Array.IndexOf(Days, bound.ToUpperInvariant()) is >= 0 and var d => d,
                _ => int.TryParse(bound, CultureInfo.InvariantCulture, out var n) ? n : -1,
            };
            if (value < min || value > max) return false;
        }
        return true;
    }

    [GeneratedRegex("^(?:(?<d>[0-9]+)d)?(?:(?<h>[0-9]+)h)?(?:(?<m>[0-9]+)m)?$")]
    private static partial Regex DurationPattern();
}
