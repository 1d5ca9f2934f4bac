using System.Globalization;
using Catalog.Harvesting;
using Catalog.Plugins.Harvesting;
using Catalog.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Catalog.Indexer.Tests.Harvesting;

/// <summary>
/// Push windows are UTC hours of the engine's clock, at every date of the matrix: a push at the date and one a minute
/// before the hour ends share a run named after that hour; a push a minute later opens the next hour's run — on
/// 31 December that is the first hour of the next year; on DST days it is an ordinary UTC hour.
/// </summary>
public sealed class PushWindowOnAnyDateTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    [Theory]
    [MemberData(nameof(ClockDates.All), MemberType = typeof(ClockDates))]
    public async Task Pushes_are_counted_in_the_run_of_their_UTC_hour_and_the_next_hour_opens_a_new_run(string at)
    {
        var now = ClockDates.Parse(at);
        var clock = new FakeTimeProvider(now);
        var engine = db.Engine(clock: clock);
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var next = hour.AddHours(1);
        Task Good(IHarvestBatch batch, CancellationToken _) { batch.Add(Items.Dataset("pushclk", "orders", "id")); return Task.CompletedTask; }
        Task Push(string n) => engine.IngestAsync("pushwin", Items.Input($"http:{at}:{n}", $"{{\"n\":\"{at}{n}\"}}", HarvestMode.Delta), Good, CancellationToken.None);

        await Push("1");
        clock.SetUtcNow(next.AddMinutes(-1));
        await Push("2");
        clock.SetUtcNow(next.AddMinutes(1));
        await Push("3");

        var thisHour = Target(hour);
        var nextHour = Target(next);
        Assert.Equal(2, await db.ScalarAsync<int>("SELECT inputs_seen FROM harvest_runs WHERE harvester = 'pushwin' AND target = $1", thisHour));
        Assert.Equal(hour.UtcDateTime, await db.ScalarAsync<DateTime>("SELECT started_at FROM harvest_runs WHERE harvester = 'pushwin' AND target = $1", thisHour));
        Assert.Equal(next.AddMinutes(-1).UtcDateTime, await db.ScalarAsync<DateTime>("SELECT finished_at FROM harvest_runs WHERE harvester = 'pushwin' AND target = $1", thisHour));
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT inputs_seen FROM harvest_runs WHERE harvester = 'pushwin' AND target = $1", nextHour));
    }

    // Written out field by field rather than with the production format string.
    private static string Target(DateTimeOffset hour) => string.Create(CultureInfo.InvariantCulture,
        $"pushed {hour.Year:D4}-{hour.Month:D2}-{hour.Day:D2} {hour.Hour:D2}:00–{hour.AddHours(1).Hour:D2}:00 UTC");
}
