using Catalog.Domain.Health;
using Catalog.Domain.Lineage.Analytics;
using Catalog.Domain.Lineage.Graph;
using Catalog.Plugins.Health.Evaluation;
using Catalog.Plugins.Lineage;
using Catalog.Plugins.Security;
using Catalog.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Plugins.Health.Lateness;

/// <summary>
/// "Why is this late?" for one dataset or job: its upstream lineage (from <see cref="ILineageGraphSource"/>, the
/// lineage plugin's in-memory graph), the health of every upstream node (the same rules as the health page), each
/// job's expected duration (median of its recent completed runs) and whether its latest run started late, then
/// <see cref="WhyLate"/> for the critical path. Restricted upstream nodes stay in the chain as <c>restricted:N</c>.
/// </summary>
public sealed class WhyLateService(IEnumerable<ILineageGraphSource> graphs, HealthEvaluator evaluator, NpgsqlDataSource dataSource, IOptions<HealthOptions> options)
{
    private const string JobTimingSql = """
        SELECT j.id,
               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.ended_at - c.started_at)) / 60
                FROM (SELECT started_at, ended_at FROM runs r WHERE r.job_id = j.id AND r.state = 'completed'
                        AND r.started_at IS NOT NULL AND r.ended_at >= r.started_at
                      ORDER BY r.started_at DESC LIMIT @history) c),
               (SELECT CASE WHEN l.nominal_start IS NOT NULL AND l.started_at > l.nominal_start + @tolerance THEN true ELSE false END
                FROM runs l WHERE l.job_id = j.id ORDER BY coalesce(l.started_at, l.updated_at) DESC LIMIT 1)
        FROM unnest(@ids) AS j(id)
        """;

    private static readonly string EntitiesSql = $"""
        SELECT e.id, e.ref, e.kind, e.owner_ref, e.namespace, e.name, {VisibilityFilter.Sql("e")}
        FROM entities e WHERE e.id = ANY(@ids)
        """;

    /// <summary>Null when the entity is unknown or hidden from the principal, or when no lineage graph is held.</summary>
    public async Task<LateChain?> ExplainAsync(string reference, CatalogPrincipal principal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (graphs.FirstOrDefault() is not { } source || await source.GetAsync(cancellationToken) is not { } graph) return null;
        var targetId = await FindVisibleAsync(reference, principal, cancellationToken);
        if (targetId is null) return null;
        var target = graph.IndexOf(targetId.Value);
        var settings = options.Value;

        // The nodes the analysis will touch: the target and everything upstream, capped like the analysis.
        var region = new List<int>();
        if (target >= 0)
        {
            region.Add(target);
            region.AddRange(LineageTraversal.Traverse(graph.Topology, target, new TraversalOptions
            {
                Direction = LineageDirection.Upstream, MaxDepth = int.MaxValue, MaxNodes = settings.MaxUpstreamNodes, IncludeEdges = false, DetectCycles = false,
            }).Upstream.Select(n => n.Node));
        }
        var ids = target >= 0 ? region.Select(graph.EntityId).ToList() : [targetId.Value];
        var health = (await evaluator.EvaluateAsync(ids, now, cancellationToken)).ToDictionary(h => h.EntityId);
        var jobs = target >= 0 ? region.Where(graph.KindFilter(["job"])).Select(graph.EntityId).ToArray() : [];
        var timing = await LoadJobTimingAsync(jobs, settings, cancellationToken);
        var entities = await LoadEntitiesAsync(ids, principal, cancellationToken);
        var own = health.GetValueOrDefault(targetId.Value)?.Problems.Select(p => p.Summary).ToList() ?? [];
        if (target < 0) return new LateChain(reference, own, null, [], 0, [], 0, false);

        NodeTiming TimingOf(int node)
        {
            var id = graph.EntityId(node);
            var causes = CausesOf(health.GetValueOrDefault(id));
            if (!timing.TryGetValue(id, out var t)) return new NodeTiming(0, causes);
            return new NodeTiming(t.ExpectedMinutes, t.StartedLate ? causes | LateCause.StartedLate : causes);
        }

        var explanation = WhyLate.Explain(graph.Topology, target, TimingOf, graph.KindFilter(["job"]), settings.MaxUpstreamNodes);
        var names = new Names(entities);
        LateNode Node(int node, LateCause causes, double minutes, int cycleSize = 1) => names.Node(graph.EntityId(node), causes, minutes, cycleSize);
        return new LateChain(
            reference,
            own,
            explanation.FirstLate is { } first ? Node(first.Node, first.Causes, first.ExpectedMinutes, first.CycleSize) : null,
            [.. explanation.CriticalPath.Select(s => Node(s.Node, s.Causes, s.ExpectedMinutes, s.CycleSize))],
            Math.Round(explanation.CriticalMinutes, 1),
            [.. explanation.Problems.Take(settings.MaxUpstreamProblemsListed).Select(p => new LateProblemNode(Node(p.Node, p.Causes, TimingOf(p.Node).ExpectedMinutes), p.Depth))],
            explanation.CondensedCycles,
            explanation.Truncated || explanation.Problems.Count > settings.MaxUpstreamProblemsListed);
    }

    private static LateCause CausesOf(EntityHealth? health)
    {
        var causes = LateCause.None;
        foreach (var problem in health?.Problems ?? [])
            causes |= problem.Kind switch
            {
                HealthProblemKind.Late => LateCause.LateInput,
                HealthProblemKind.RunFailed => LateCause.Failed,
                HealthProblemKind.RunningLong => LateCause.RanLong,
                _ => LateCause.None,
            };
        return causes;
    }

    public static IReadOnlyList<string> Describe(LateCause causes) =>
        [.. new[] { (LateCause.LateInput, "late partition"), (LateCause.StartedLate, "started late"), (LateCause.RanLong, "ran long"), (LateCause.Failed, "failed") }
            .Where(c => causes.HasFlag(c.Item1)).Select(c => c.Item2)];

    private async Task<long?> FindVisibleAsync(string reference, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT e.id FROM entities e WHERE e.ref = @ref AND {VisibilityFilter.Sql("e")}");
        command.Parameters.AddWithValue("ref", reference);
        VisibilityFilter.AddParameters(command.Parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    private async Task<Dictionary<long, (double ExpectedMinutes, bool StartedLate)>> LoadJobTimingAsync(long[] jobs, HealthOptions settings, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, (double, bool)>();
        if (jobs.Length == 0) return found;
        await using var command = dataSource.CreateCommand(JobTimingSql);
        command.Parameters.AddWithValue("ids", jobs);
        command.Parameters.AddWithValue("history", settings.RunHistory);
        command.Parameters.AddWithValue("tolerance", TimeSpan.FromMinutes(settings.StartedLateToleranceMinutes));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            found[reader.GetInt64(0)] = (reader.IsDBNull(1) ? 0 : reader.GetDouble(1), !reader.IsDBNull(2) && reader.GetBoolean(2));
        return found;
    }

    private async Task<Dictionary<long, (string Ref, string Kind, string? Owner, string Url, bool Visible)>> LoadEntitiesAsync(List<long> ids, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, (string, string, string?, string, bool)>();
        await using var command = dataSource.CreateCommand(EntitiesSql);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        VisibilityFilter.AddParameters(command.Parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var url = $"/entity/{Uri.EscapeDataString(reader.GetString(2))}/{Uri.EscapeDataString(reader.GetString(4))}/{Uri.EscapeDataString(reader.GetString(5))}";
            found[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), url, reader.GetBoolean(6));
        }
        return found;
    }

    // Hidden nodes are numbered per answer in the order met, as the lineage API does.
    private sealed class Names(Dictionary<long, (string Ref, string Kind, string? Owner, string Url, bool Visible)> entities)
    {
        private readonly Dictionary<long, string> hidden = [];

        public LateNode Node(long id, LateCause causes, double minutes, int cycleSize)
        {
            var expected = Math.Round(minutes, 1);
            if (entities.TryGetValue(id, out var e) && e.Visible) return new LateNode(e.Ref, e.Kind, e.Owner, e.Url, Describe(causes), expected, cycleSize);
            if (!hidden.TryGetValue(id, out var name)) hidden[id] = name = "restricted:" + (hidden.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new LateNode(name, "restricted", null, null, Describe(causes), expected, cycleSize);
        }
    }
}
