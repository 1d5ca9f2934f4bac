using System.Net.Http.Json;
using System.Text.Json;
using Catalog.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Catalog.Web.Tests.Cost;

/// <summary>
/// Month-to-date and the previous month's same days, as the cost API computes them from the portal's clock, at the
/// dates that break date arithmetic. One team pays 1 USD a day for the 70 days up to today and 1000 USD a day after
/// it, so each figure is the number of days its window covers, and a window that reaches past today shows at once.
/// </summary>
public sealed class CostPeriodOnAnyDateTests
{
    private const string Team = "group:default:team-clock";

    [Theory]
    [MemberData(nameof(ClockDates.All), MemberType = typeof(ClockDates))]
    public async Task Month_to_date_covers_the_days_of_this_month_through_today_and_compares_with_the_same_days_of_last_month(string at)
    {
        var now = ClockDates.Parse(at);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var portal = new CostFactory { Clock = new FakeTimeProvider(now) };
        await portal.InitializeAsync();
        await portal.ExecuteAsync($$"""
            INSERT INTO entities (kind, namespace, name, owner_ref, platform) VALUES ('job', 'clock', 'daily_job', '{{Team}}', 'spark');
            INSERT INTO cost_daily_snapshots (day, entity_id, kind, namespace, owner_ref, platform, compute_cost, currency)
            SELECT d, e.id, 'job', 'clock', e.owner_ref, 'spark', CASE WHEN d <= '{{today:yyyy-MM-dd}}'::date THEN 1 ELSE 1000 END, 'USD'
            FROM entities e, generate_series('{{today:yyyy-MM-dd}}'::date - 70, '{{today:yyyy-MM-dd}}'::date + 5, interval '1 day') d
            WHERE e.name = 'daily_job';
            """);

        var lines = await portal.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/cost/groups/teams");
        var team = lines.EnumerateArray().Single(l => l.GetProperty("key").GetString() == Team);

        // Counted day by day rather than with the production formula: this month's days up to today, and last
        // month's days whose day-of-month is at most today's (so 29 February compares with 1–29 January, 31 December with all of November).
        var days = Enumerable.Range(-70, 71).Select(today.AddDays).ToList();
        var lastMonth = today.AddMonths(-1);
        var thisMonth = days.Count(d => d.Year == today.Year && d.Month == today.Month);
        var previousMonth = days.Count(d => d.Year == lastMonth.Year && d.Month == lastMonth.Month && d.Day <= today.Day);
        Assert.Equal(thisMonth, team.GetProperty("thisMonth").GetDecimal());
        Assert.Equal(previousMonth, team.GetProperty("previousMonth").GetDecimal());
        Assert.Equal(today.Day, thisMonth);
        if (today.Day == 1) Assert.Equal(1, previousMonth);
    }
}
