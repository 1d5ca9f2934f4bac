using System.Security.Cryptography;
using System.Text;

namespace Catalog.Web.SampleCatalog;

/// <summary>
/// Decides the sample's runs as a pure function of (job, period): the same on every portal and every restart, so a
/// catch-up after downtime emits exactly the runs that would have happened. Each day one daily job fails (and stays
/// failed until its next day's run), one arrives after its deadline and one runs several times longer than usual;
/// hourly jobs fail, run late or slow now and then. Everything else is on time, starting a minute or so after its
/// cron time and lasting about its template's duration.
/// </summary>
public sealed class SampleRunPlanner(IReadOnlyList<SampleJob> jobs)
{
    private static readonly string[] Errors =
    [
        "Job aborted: BigQuery quota exceeded for slots in project tunewave-prod (retry later)",
        "dbt test not_null_daily_revenue_amount failed: 12 rows with NULL amount",
        "org.apache.spark.SparkException: Job aborted due to stage failure: executor lost (exit code 137)",
        "Upstream file missing: gs://tunewave-raw object not found after 3 retries",
    ];

    private readonly IReadOnlyList<SampleJob> daily = [.. jobs.Where(j => !j.Hourly).OrderBy(j => j.Key, StringComparer.Ordinal)];

    /// <summary>
    /// Every run whose period ends in [<paramref name="from"/>, <paramref name="to"/>) (for hourly jobs, in
    /// [<paramref name="hourlyFrom"/>, <paramref name="to"/>) when that is later), per job in period order.
    /// </summary>
    public IEnumerable<SampleRun> RunsOfPeriodsEnding(DateTimeOffset from, DateTimeOffset to, DateTimeOffset hourlyFrom)
    {
        foreach (var job in jobs)
            foreach (var (start, end) in Periods(job, job.Hourly && hourlyFrom > from ? hourlyFrom : from, to))
                yield return Plan(job, start, end);
    }

    /// <summary>Hourly: UTC hours. Daily: local days of the job's zone (23 or 25 hours across a daylight-saving change).</summary>
    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Periods(SampleJob job, DateTimeOffset from, DateTimeOffset to)
    {
        if (job.Hourly)
        {
            var hour = new DateTimeOffset(from.UtcDateTime.Date.AddHours(from.UtcDateTime.Hour), TimeSpan.Zero).AddHours(-1);
            for (; hour.AddHours(1) < to; hour = hour.AddHours(1))
                if (hour.AddHours(1) >= from) yield return (hour, hour.AddHours(1));
            yield break;
        }
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, job.Zone).DateTime).AddDays(-1);
        for (; LocalMidnight(job.Zone, day.AddDays(1)) < to; day = day.AddDays(1))
        {
            var (start, end) = (LocalMidnight(job.Zone, day), LocalMidnight(job.Zone, day.AddDays(1)));
            if (end >= from) yield return (start, end);
        }
    }

    public SampleRun Plan(SampleJob job, DateTimeOffset periodStart, DateTimeOffset periodEnd)
    {
        var key = $"{job.Key}@{periodStart.UtcDateTime:yyyy-MM-ddTHH}";
        var scheduled = job.Hourly
            ? periodEnd.AddMinutes(job.CronMinute)
            : LocalTime(job.Zone, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(periodEnd, job.Zone).DateTime), job.CronHour, job.CronMinute);
        var fate = Fate(job, periodStart, key);
        var started = fate == SampleRunFate.Late
            ? Later(periodEnd + job.Deadline, scheduled).AddMinutes(job.Hourly ? 15 : 75)
            : scheduled.AddSeconds(5 + Unit(key, "jitter") * 90);
        var duration = job.Template.Duration * (0.85 + 0.3 * Unit(key, "duration")) * (fate == SampleRunFate.Slow ? 4 : 1);
        if (fate == SampleRunFate.Failed) duration *= 0.6;
        var ended = started + TimeSpan.FromSeconds(Math.Round(duration.TotalSeconds));
        var error = fate == SampleRunFate.Failed ? Errors[(int)(Unit(key, "error") * Errors.Length)] : null;
        return new SampleRun(job, periodStart, periodEnd, RunIdOf(key), started, ended, fate, 0.9 + 0.2 * Unit(key, "size"), error);
    }

    private SampleRunFate Fate(SampleJob job, DateTimeOffset periodStart, string key)
    {
        if (job.Hourly)
        {
            var u = Unit(key, "fate");
            return u < 0.01 ? SampleRunFate.Failed : u < 0.03 ? SampleRunFate.Late : u < 0.05 ? SampleRunFate.Slow : SampleRunFate.OnTime;
        }
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(periodStart, job.Zone).DateTime).ToString("yyyy-MM-dd");
        var index = IndexOf(job);
        if (index == Pick(day, "failed", 0)) return SampleRunFate.Failed;
        if (index == Pick(day, "late", 1)) return SampleRunFate.Late;
        if (index == Pick(day, "slow", 2)) return SampleRunFate.Slow;
        return SampleRunFate.OnTime;
    }

    private int IndexOf(SampleJob job)
    {
        for (var i = 0; i < daily.Count; i++) if (daily[i].Key == job.Key) return i;
        return -1;
    }

    // Three different daily jobs a day: the choices are offset from one another so they never collide.
    private int Pick(string day, string what, int offset) =>
        daily.Count < 3 ? (offset < daily.Count ? offset : -1) : ((int)(Unit(day, "daily") * daily.Count) + offset * (1 + daily.Count / 3)) % daily.Count;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Local midnight of <paramref name="day"/>; where it does not exist, the first valid local time after it.</summary>
    public static DateTimeOffset LocalMidnight(TimeZoneInfo zone, DateOnly day) => LocalTime(zone, day, 0, 0);

    private static DateTimeOffset LocalTime(TimeZoneInfo zone, DateOnly day, int hour, int minute)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        // A repeated local time (autumn) is taken at its first occurrence, the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>A number in [0, 1) from a hash of the key and the purpose: deterministic, evenly spread.</summary>
    private static double Unit(string key, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}:{key}"));
        return (BitConverter.ToUInt64(hash, 0) >> 11) / (double)(1UL << 53);
    }

    private static Guid RunIdOf(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"run:{key}"))[..16];
        hash[6] = (byte)((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3f) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}
