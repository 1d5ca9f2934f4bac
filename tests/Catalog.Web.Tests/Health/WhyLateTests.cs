using System.Net;
using System.Text.Json;
using Catalog.Testing;
using Catalog.Web.Tests.Lineage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Web.Tests.Health;

/// <summary>
/// A late daily mart and the chain behind it: raw.events → ingest (usually 10 min, latest run failed) → staged
/// (restricted to the platform team) → aggregate (usually 60 min) → mart.daily, and a quick side job (5 min)
/// raw.events → quick → mart.daily. The critical path is the slow branch; the first late job on it is ingest.
/// The clock is fixed (10 March 2026, noon UTC): mart.daily's last partition is from 1 March, so it is late.
/// </summary>
public sealed class WhyLateFactory() : LineageWebFactory("Snapshot")
{
    public const string RawEvents = "dataset:wl:raw.events";
    public const string Staged = "dataset:wl:staged.events";
    public const string Mart = "dataset:wl:mart.daily";
    public const string Ingest = "job:wl:ingest";
    public const string Aggregate = "job:wl:aggregate";
    public const string Quick = "job:wl:quick";
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [.. base.Settings, new("Plugins:health:RunMonitor", "false"), new("Plugins:cost:RunSnapshots", "false")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedClock(Now)));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var data = Data;
        await data.EntityAsync(RawEvents, owner: "group:default:team-ingest");
        await data.EntityAsync(Staged, owner: "group:default:platform", restricted: true);
        await data.EntityAsync(Mart, owner: "group:default:team-mart");
        await data.JobAsync(Ingest, [RawEvents], [Staged], owner: "group:default:team-ingest");
        await data.JobAsync(Aggregate, [Staged], [Mart], owner: "group:default:team-mart");
        await data.JobAsync(Quick, [RawEvents], [Mart], owner: "group:default:team-mart");
        await ExecuteAsync("""
            INSERT INTO datasets (entity_id, partitioning) SELECT id, 'daily' FROM entities WHERE ref = 'dataset:wl:mart.daily' ON CONFLICT DO NOTHING;
            INSERT INTO jobs (entity_id, schedule_kind, time_zone, deadline_minutes) SELECT id, 'daily', 'UTC', 360 FROM entities WHERE ref = 'job:wl:aggregate' ON CONFLICT DO NOTHING;
            INSERT INTO partitions (dataset_id, partition_key, granularity, created_at) SELECT id, '2026-03-01', 'daily', '2026-03-01T05:00Z' FROM entities WHERE ref = 'dataset:wl:mart.daily';
            INSERT INTO runs (id, job_id, state, started_at, ended_at, nominal_start)
            SELECT gen_random_uuid(), e.id, 'completed', d + interval '1 hour', d + interval '1 hour' + make_interval(mins => m), d
            FROM (VALUES ('job:wl:ingest', 10), ('job:wl:aggregate', 60), ('job:wl:quick', 5)) AS j(ref, m)
            JOIN entities e ON e.ref = j.ref, generate_series('2026-02-20'::timestamptz, '2026-02-28', interval '1 day') AS d;
            INSERT INTO runs (id, job_id, state, started_at, ended_at, nominal_start, error_message)
            SELECT gen_random_uuid(), id, 'failed', '2026-03-02T03:00Z', '2026-03-02T03:04Z', '2026-03-02T00:00Z', 'source bucket unreachable'
            FROM entities WHERE ref = 'job:wl:ingest';
            """);
        await Snapshot.RefreshAsync();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class WhyLateTests(WhyLateFactory factory) : IClassFixture<WhyLateFactory>
{
    private readonly HttpClient outsider = factory.ClientFor("vera", groups: "group:default:analytics");

    [Fact]
    public async Task The_first_late_job_on_the_critical_path_is_named_with_its_owner()
    {
        var body = await Json.GetAsync(outsider, Json.Url("/api/v1/health/why-late", ("ref", WhyLateFactory.Mart)));

        var first = body.GetProperty("firstLate");
        Assert.Equal(WhyLateFactory.Ingest, first.GetProperty("id").GetString());
        Assert.Equal("group:default:team-ingest", first.GetProperty("owner").GetString());
        Assert.Equal(["failed", "started late"], first.GetProperty("causes").EnumerateArray().Select(c => c.GetString()).Order(StringComparer.Ordinal));
        Assert.Contains("partitions overdue", body.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(70, body.GetProperty("criticalMinutes").GetDouble());
    }

    [Fact]
    public async Task The_critical_path_is_the_slow_branch_and_a_restricted_step_stays_opaque_for_outsiders()
    {
        var body = await Json.GetAsync(outsider, Json.Url("/api/v1/health/why-late", ("ref", WhyLateFactory.Mart)));

        Assert.Equal([WhyLateFactory.RawEvents, WhyLateFactory.Ingest, "restricted:1", WhyLateFactory.Aggregate, WhyLateFactory.Mart],
            body.GetProperty("criticalPath").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.DoesNotContain("staged.events", body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("group:default:platform", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owning_team_sees_the_restricted_step_by_name()
    {
        await factory.Data.MemberAsync("user:default:pia", "group:default:platform");
        var body = await Json.GetAsync(factory.ClientFor("pia", groups: "group:default:platform"), Json.Url("/api/v1/health/why-late", ("ref", WhyLateFactory.Mart)));

        Assert.Contains(WhyLateFactory.Staged, body.GetProperty("criticalPath").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_restricted_dataset_is_not_found_for_outsiders_and_a_bad_ref_names_the_field()
    {
        var hidden = await outsider.GetAsync(Json.Url("/api/v1/health/why-late", ("ref", WhyLateFactory.Staged)));
        var bad = await outsider.GetAsync("/api/v1/health/why-late?ref=nonsense");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("ref", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_card_of_the_late_mart_shows_the_job_that_made_it_late()
    {
        var page = await outsider.GetDocumentAsync("/entity/dataset/wl/mart.daily");

        var panel = page.QuerySelector("[data-testid=why-late]");
        Assert.NotNull(panel);
        Assert.Contains(WhyLateFactory.Ingest, panel.QuerySelector("[data-testid=why-late-first]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("group:default:team-ingest", panel.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("staged.events", panel.OuterHtml, StringComparison.Ordinal);
    }
}
