using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Domain.Lineage.Runs;
using Catalog.Domain.Workflows;
using Catalog.Plugins.Security;
using Npgsql;

namespace Catalog.Plugins.Lineage.Queries;

/// <summary>
/// Run-level lineage: which run of which job wrote a partition (partitions.run_id → runs), and which partition of
/// each of that job's inputs was the newest when the run started (<see cref="InputVersions"/>). Inputs the
/// principal may not see are left out and counted.
/// </summary>
public sealed class ProvenanceService(NpgsqlDataSource dataSource, LineageService lineage, EntityDetailsLoader details)
{
    private const string PartitionSql = """
        SELECT p.partition_key, p.granularity, p.row_count, p.bytes, p.created_at, p.run_id,
               r.state, r.nominal_start, r.nominal_end, r.started_at, r.ended_at, r.job_id
        FROM partitions p LEFT JOIN runs r ON r.id = p.run_id
        WHERE p.dataset_id = @dataset AND (@key::text IS NULL OR p.partition_key = @key)
        ORDER BY p.created_at DESC, p.partition_key DESC
        LIMIT 1
        """;

    // Candidates per input: a few newest partitions not newer than the run's start; the domain rule picks.
    private const string InputsSql = """
        SELECT e.from_id, cand.partition_key, cand.granularity, cand.row_count, cand.bytes, cand.created_at, cand.run_id
        FROM lineage_edges e
        LEFT JOIN LATERAL (
            SELECT p.* FROM partitions p WHERE p.dataset_id = e.from_id AND p.created_at <= @as_of
            ORDER BY p.created_at DESC LIMIT 3) cand ON true
        WHERE e.to_id = @job AND e.edge_kind = 'reads' AND e.removed_at IS NULL
        """;

    public sealed record InputView(string Dataset, Partition? Partition);

    public sealed record ProvenanceView(string Dataset, Partition Partition, Run? Run, string? Job, IReadOnlyList<InputView> Inputs, int HiddenInputs);

    public async Task<ProvenanceView?> GetAsync(string datasetRef, string? partitionKey, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        if (await lineage.FindVisibleAsync(datasetRef, principal, cancellationToken) is not { Kind: EntityKind.Dataset } dataset) return null;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        Partition partition;
        Run? run = null;
        long? jobId = null;
        await using (var command = new NpgsqlCommand(PartitionSql, connection))
        {
            command.Parameters.AddWithValue("dataset", dataset.Id);
            command.Parameters.Add(new NpgsqlParameter("key", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)partitionKey ?? DBNull.Value });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            partition = ReadPartition(reader, 0);
            if (!reader.IsDBNull(11))
            {
                jobId = reader.GetInt64(11);
                run = new Run
                {
                    Id = reader.GetGuid(5),
                    Job = EntityRef.Job("unresolved", "unresolved"),
                    State = Enum.Parse<RunState>(reader.GetString(6), ignoreCase: true),
                    NominalStart = Nullable(reader, 7), NominalEnd = Nullable(reader, 8),
                    StartedAt = Nullable(reader, 9), EndedAt = Nullable(reader, 10),
                };
            }
        }
        if (jobId is null) return new ProvenanceView(dataset.Ref, partition, null, null, [], 0);

        var asOf = InputVersions.AsOf(run, partition);
        var candidates = new Dictionary<long, List<Partition>>();
        await using (var command = new NpgsqlCommand(InputsSql, connection))
        {
            command.Parameters.AddWithValue("job", jobId.Value);
            command.Parameters.AddWithValue("as_of", asOf);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var input = reader.GetInt64(0);
                if (!candidates.TryGetValue(input, out var list)) candidates[input] = list = [];
                if (!reader.IsDBNull(1)) list.Add(ReadPartition(reader, 1));
            }
        }
        var loaded = await details.LoadAsync([.. candidates.Keys, jobId.Value], principal, withFields: false, cancellationToken);
        var job = loaded.GetValueOrDefault(jobId.Value) is { Visible: true } j ? j : null;
        var inputs = candidates.Where(c => loaded.GetValueOrDefault(c.Key)?.Visible == true)
            .Select(c => new InputView(loaded[c.Key].Ref, InputVersions.LatestAt(c.Value, asOf)))
            .OrderBy(i => i.Dataset, StringComparer.Ordinal).ToList();
        // A run of a job the principal may not see is not shown: its id and timing would describe the hidden job.
        var visibleRun = job is null ? null : run! with { Job = new EntityRef(job.Kind, job.Namespace, job.Name) };
        return new ProvenanceView(dataset.Ref, partition, visibleRun, job?.Ref, job is null ? [] : inputs, job is null ? candidates.Count : candidates.Count - inputs.Count);
    }

    private static Partition ReadPartition(NpgsqlDataReader reader, int at) => new()
    {
        Key = reader.GetString(at),
        Granularity = Enum.Parse<PartitionGranularity>(reader.GetString(at + 1), ignoreCase: true),
        RowCount = reader.IsDBNull(at + 2) ? null : reader.GetInt64(at + 2),
        Bytes = reader.IsDBNull(at + 3) ? null : reader.GetInt64(at + 3),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(at + 4),
        ProducedByRun = reader.IsDBNull(at + 5) ? null : reader.GetGuid(at + 5),
    };

    private static DateTimeOffset? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
