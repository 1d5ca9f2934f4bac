using Catalog.Plugins.Security;
using Catalog.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Plugins.Lineage.Queries;

/// <summary>
/// A node's direct neighbours in the whole graph, not only those a depth-limited response happens to contain:
/// how many there are upstream and downstream (hidden ones counted: a graph shows them as restricted nodes
/// anyway), and, for jobs, the refs of the inputs and outputs the principal may see (Marquez's job
/// <c>inputs</c>/<c>outputs</c>), at most <see cref="LineageOptions.MaxJobDatasetsListed"/> of each.
/// </summary>
public sealed class DirectNeighboursLoader(NpgsqlDataSource dataSource, IOptions<LineageOptions> options)
{
    private const string CountsSql = """
        SELECT n.id,
               (SELECT count(DISTINCT l.from_id) FROM lineage_edges l WHERE l.to_id = n.id AND l.removed_at IS NULL),
               (SELECT count(DISTINCT l.to_id) FROM lineage_edges l WHERE l.from_id = n.id AND l.removed_at IS NULL)
        FROM unnest(@ids) AS n(id)
        """;

    // Each branch numbers its own rows, so the cap applies per job and per side.
    private static readonly string JobDatasetsSql = $"""
        SELECT job_id, side, ref FROM (
            SELECT l.to_id AS job_id, 'in' AS side, e.ref, row_number() OVER (PARTITION BY l.to_id ORDER BY e.ref) AS n
            FROM (SELECT DISTINCT from_id, to_id FROM lineage_edges WHERE to_id = ANY(@jobs) AND removed_at IS NULL) l
            JOIN entities e ON e.id = l.from_id
            WHERE {VisibilityFilter.Sql("e")}
            UNION ALL
            SELECT l.from_id, 'out', e.ref, row_number() OVER (PARTITION BY l.from_id ORDER BY e.ref)
            FROM (SELECT DISTINCT from_id, to_id FROM lineage_edges WHERE from_id = ANY(@jobs) AND removed_at IS NULL) l
            JOIN entities e ON e.id = l.to_id
            WHERE {VisibilityFilter.Sql("e")}
        ) x
        WHERE n <= @cap
        ORDER BY job_id, side, ref
        """;

    public async Task<IReadOnlyDictionary<long, DirectNeighbours>> LoadAsync(
        IReadOnlyCollection<long> ids, IReadOnlyCollection<long> jobIds, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<long, (int Up, int Down)>(ids.Count);
        var inputs = new Dictionary<long, List<string>>();
        var outputs = new Dictionary<long, List<string>>();
        if (ids.Count == 0) return new Dictionary<long, DirectNeighbours>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(CountsSql, connection))
        {
            command.Parameters.AddWithValue("ids", ids.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) counts[reader.GetInt64(0)] = ((int)reader.GetInt64(1), (int)reader.GetInt64(2));
        }
        if (jobIds.Count > 0)
        {
            await using var command = new NpgsqlCommand(JobDatasetsSql, connection);
            command.Parameters.AddWithValue("jobs", jobIds.ToArray());
            command.Parameters.AddWithValue("cap", options.Value.MaxJobDatasetsListed);
            VisibilityFilter.AddParameters(command.Parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var side = reader.GetString(1) == "in" ? inputs : outputs;
                var job = reader.GetInt64(0);
                if (!side.TryGetValue(job, out var list)) side[job] = list = [];
                list.Add(reader.GetString(2));
            }
        }
        return counts.ToDictionary(c => c.Key, c => new DirectNeighbours(
            c.Value.Up, c.Value.Down, inputs.GetValueOrDefault(c.Key) ?? [], outputs.GetValueOrDefault(c.Key) ?? []));
    }
}

/// <summary>Direct neighbours of one node in the whole graph; <see cref="Inputs"/>/<see cref="Outputs"/> are filled for jobs only.</summary>
public sealed record DirectNeighbours(int UpstreamCount, int DownstreamCount, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs);
