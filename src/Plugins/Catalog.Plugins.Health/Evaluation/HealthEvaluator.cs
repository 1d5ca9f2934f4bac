using Catalog.Domain.Health;
using Catalog.Domain.Quality;
using Catalog.Domain.Workflows;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Plugins.Health.Evaluation;

/// <summary>
/// Loads what the health rules need from the catalog and applies them: freshness of endpoints whose writing job
/// has an hourly, daily or cron schedule, failed and unusually long runs of jobs, and failed quality checks of datasets.
/// Pass entity ids to judge only those (badges for a page of search results); null judges everything.
/// </summary>
public sealed class HealthEvaluator(NpgsqlDataSource dataSource, IOptions<HealthOptions> options)
{
    // The endpoint's schedule is its writer's: the tightest (hourly, then daily, then cron) active scheduled job that writes it.
    private const string EndpointsSql = """
        SELECT e.id, e.ref, e.owner_ref, d.partitioning, j.schedule_kind, j.time_zone, j.deadline_minutes, j.entity_id,
               (SELECT min(p.created_at) FROM partitions p WHERE p.dataset_id = e.id), j.cron
        FROM entities e
        JOIN datasets d ON d.entity_id = e.id
        JOIN LATERAL (SELECT j.* FROM lineage_edges l JOIN jobs j ON j.entity_id = l.from_id
                      WHERE l.to_id = e.id AND l.edge_kind = 'writes' AND l.removed_at IS NULL
                        AND j.schedule_kind IN ('hourly', 'daily', 'cron')
                      ORDER BY array_position(ARRAY['hourly', 'daily', 'cron'], j.schedule_kind), j.entity_id LIMIT 1) j ON true
        WHERE e.lifecycle IN ('active', 'deprecated') AND (@all OR e.id = ANY(@ids))
        """;

    private const string RunsSql = """
        SELECT e.id, e.ref, e.owner_ref, r.id, r.state, r.started_at, r.ended_at, r.error_message, r.nominal_start
        FROM entities e
        JOIN LATERAL (SELECT * FROM runs r WHERE r.job_id = e.id
                      ORDER BY coalesce(r.started_at, r.updated_at) DESC LIMIT @history) r ON true
        WHERE e.kind = 'job' AND e.lifecycle IN ('active', 'deprecated') AND (@all OR e.id = ANY(@ids))
        ORDER BY e.id, coalesce(r.started_at, r.updated_at) DESC
        """;

    private const string QualitySql = """
        SELECT DISTINCT ON (q.dataset_id, q.check_name, q.framework)
               e.id, e.ref, e.owner_ref, q.check_name, q.framework, q.column_name, q.status, q.executed_at, q.message
        FROM quality_results q JOIN entities e ON e.id = q.dataset_id
        WHERE e.lifecycle IN ('active', 'deprecated') AND (@all OR e.id = ANY(@ids))
        ORDER BY q.dataset_id, q.check_name, q.framework, q.executed_at DESC
        """;

    public async Task<IReadOnlyList<EntityHealth>> EvaluateAsync(IReadOnlyCollection<long>? ids, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var entities = new Dictionary<long, Builder>();
        var runsByJob = await LoadRunsAsync(ids, settings.RunHistory, entities, cancellationToken);
        foreach (var (jobId, runs) in runsByJob)
            entities[jobId].Problems.AddRange(HealthRules.FromRuns(runs, now));

        foreach (var endpoint in await LoadEndpointsAsync(ids, entities, cancellationToken))
        {
            var arrivals = endpoint.Partitioned
                ? await LoadArrivalsAsync(endpoint.Id, now - TimeSpan.FromHours(settings.LookBackHours) - TimeSpan.FromDays(2), cancellationToken)
                : RunArrivals(endpoint.Schedule, runsByJob.GetValueOrDefault(endpoint.JobId) ?? await LoadJobRunsAsync(endpoint.JobId, settings.RunHistory, cancellationToken));
            var freshness = FreshnessRules.Evaluate(endpoint.Schedule, arrivals, now, TimeSpan.FromHours(settings.LookBackHours), endpoint.FirstOutput);
            var builder = entities[endpoint.Id];
            builder.Freshness = freshness;
            builder.Problems.AddRange(HealthRules.FromFreshness(freshness));
        }

        await ReadAsync(QualitySql, ids, null, entities, (reader, builder) =>
            builder.Quality.Add(new QualitySample(reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                ParseQuality(reader.GetString(6)), reader.GetFieldValue<DateTimeOffset>(7), reader.IsDBNull(8) ? null : reader.GetString(8))), cancellationToken);
        foreach (var builder in entities.Values)
            builder.Problems.AddRange(HealthRules.FromQuality(builder.Quality));

        return [.. entities.Values.Select(b => b.Build()).OrderBy(h => h.OwnerRef).ThenBy(h => h.Ref)];
    }

    private async Task<Dictionary<long, List<RunSample>>> LoadRunsAsync(IReadOnlyCollection<long>? ids, int history, Dictionary<long, Builder> entities, CancellationToken cancellationToken)
    {
        var runs = new Dictionary<long, List<RunSample>>();
        await ReadAsync(RunsSql, ids, history, entities, (reader, builder) =>
        {
            if (!runs.TryGetValue(builder.Id, out var list)) runs[builder.Id] = list = [];
            list.Add(ReadRun(reader, 3));
        }, cancellationToken);
        return runs;
    }

    private async Task<List<RunSample>> LoadJobRunsAsync(long jobId, int history, CancellationToken cancellationToken)
    {
        var entities = new Dictionary<long, Builder>();
        return (await LoadRunsAsync([jobId], history, entities, cancellationToken)).GetValueOrDefault(jobId) ?? [];
    }

    private async Task<List<Endpoint>> LoadEndpointsAsync(IReadOnlyCollection<long>? ids, Dictionary<long, Builder> entities, CancellationToken cancellationToken)
    {
        var endpoints = new List<Endpoint>();
        await ReadAsync(EndpointsSql, ids, null, entities, (reader, builder) =>
        {
            var schedule = new Schedule
            {
                Kind = reader.GetString(4) switch { "hourly" => ScheduleKind.Hourly, "daily" => ScheduleKind.Daily, _ => ScheduleKind.Cron },
                Cron = reader.IsDBNull(9) ? null : reader.GetString(9),
                TimeZone = reader.GetString(5),
                Deadline = TimeSpan.FromMinutes(reader.GetInt32(6)),
            };
            endpoints.Add(new Endpoint(builder.Id, reader.GetString(3) != "none", schedule, reader.GetInt64(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)));
        }, cancellationToken);
        return endpoints;
    }

    private async Task<List<Arrival>> LoadArrivalsAsync(long datasetId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT partition_key, created_at FROM partitions WHERE dataset_id = @id AND created_at >= @since");
        command.Parameters.AddWithValue("id", datasetId);
        command.Parameters.AddWithValue("since", since);
        var arrivals = new List<Arrival>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) arrivals.Add(new Arrival(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return arrivals;
    }

    // An unpartitioned endpoint's output for a period is its writer's completed run for that period.
    private static List<Arrival> RunArrivals(Schedule schedule, IReadOnlyList<RunSample> runs)
    {
        var periods = SchedulePeriods.For(schedule);
        if (periods is null) return [];
        return [.. runs.Where(r => r.State == RunState.Completed && r.EndedAt is not null && (r.NominalStart ?? r.StartedAt) is not null)
            .Select(r => new Arrival(periods.Containing((r.NominalStart ?? r.StartedAt)!.Value).Key, r.EndedAt!.Value))];
    }

    private async Task ReadAsync(string sql, IReadOnlyCollection<long>? ids, int? history, Dictionary<long, Builder> entities,
        Action<NpgsqlDataReader, Builder> read, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("all", ids is null);
        command.Parameters.AddWithValue("ids", (ids ?? []).ToArray());
        if (history is { } h) command.Parameters.AddWithValue("history", h);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            if (!entities.TryGetValue(id, out var builder))
                entities[id] = builder = new Builder(id, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            read(reader, builder);
        }
    }

    private static RunSample ReadRun(NpgsqlDataReader reader, int at) => new(
        reader.GetGuid(at),
        reader.GetString(at + 1) switch
        {
            "running" => RunState.Running,
            "completed" => RunState.Completed,
            "failed" => RunState.Failed,
            "aborted" => RunState.Aborted,
            _ => RunState.New,
        },
        reader.IsDBNull(at + 2) ? null : reader.GetFieldValue<DateTimeOffset>(at + 2),
        reader.IsDBNull(at + 3) ? null : reader.GetFieldValue<DateTimeOffset>(at + 3),
        reader.IsDBNull(at + 4) ? null : reader.GetString(at + 4))
    {
        NominalStart = reader.IsDBNull(at + 5) ? null : reader.GetFieldValue<DateTimeOffset>(at + 5),
    };

    private static QualityStatus ParseQuality(string value) => value switch
    {
        "passed" => QualityStatus.Passed,
        "warned" => QualityStatus.Warned,
        "failed" => QualityStatus.Failed,
        "errored" => QualityStatus.Errored,
        _ => QualityStatus.Skipped,
    };

    private sealed record Endpoint(long Id, bool Partitioned, Schedule Schedule, long JobId, DateTimeOffset? FirstOutput);

    private sealed class Builder(long id, string entityRef, string? ownerRef)
    {
        public long Id { get; } = id;
        public List<HealthProblem> Problems { get; } = [];
        public List<QualitySample> Quality { get; } = [];
        public Freshness? Freshness { get; set; }

        public EntityHealth Build() => new(Id, entityRef, entityRef[..entityRef.IndexOf(':', StringComparison.Ordinal)], ownerRef, Problems, Freshness);
    }
}
