using Catalog.Domain.Cost;
using Catalog.Domain.Datasets;
using Catalog.Domain.Policies;
using Npgsql;

namespace Catalog.Plugins.Cost.Queries;

/// <summary>
/// Loads what <see cref="RetentionWhatIf"/> needs (partition sizes, storage price, the retention in force) for a
/// dataset or every dataset of a namespace. The retention in force is the dataset's own policy (portal before
/// descriptor), else its namespace's default, else keep everything.
/// </summary>
public sealed class RetentionWhatIfService(NpgsqlDataSource dataSource, PriceBook prices)
{
    private const string Sql = """
        SELECT e.id, e.platform, d.storage_class, d.partitioning, p.partition_key, coalesce(p.bytes, 0), p.created_at,
               coalesce(pe.mode, pn.mode), coalesce(pe.value, pn.value)
        FROM entities e
        JOIN datasets d ON d.entity_id = e.id
        JOIN partitions p ON p.dataset_id = e.id
        LEFT JOIN LATERAL (SELECT mode, value FROM retention_policies r WHERE r.scope = 'entity' AND r.entity_id = e.id
                           ORDER BY r.origin = 'portal' DESC LIMIT 1) pe ON true
        LEFT JOIN LATERAL (SELECT mode, value FROM retention_policies r WHERE r.scope = 'namespace' AND r.namespace = e.namespace
                           ORDER BY r.origin = 'portal' DESC LIMIT 1) pn ON true
        WHERE e.lifecycle <> 'deleted' AND {0}
        """;

    public Task<RetentionSaving?> ForDatasetAsync(long datasetId, RetentionPolicy proposed, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        CompareAsync("e.id = @key", datasetId, proposed, now, cancellationToken);

    public Task<RetentionSaving?> ForNamespaceAsync(string @namespace, RetentionPolicy proposed, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        CompareAsync("e.namespace = @key", @namespace, proposed, now, cancellationToken);

    public string Currency => prices.Currency;

    private async Task<RetentionSaving?> CompareAsync(string filter, object key, RetentionPolicy proposed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var datasets = new Dictionary<long, (StoragePrice Price, RetentionPolicy? Current, List<PartitionSize> Partitions)>();
        await using (var command = dataSource.CreateCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, filter)))
        {
            command.Parameters.AddWithValue("key", key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                if (!datasets.TryGetValue(id, out var dataset))
                {
                    var price = prices.StoragePriceFor(reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
                    datasets[id] = dataset = (price, Policy(reader), []);
                }
                dataset.Partitions.Add(new PartitionSize(reader.GetString(4), Granularity(reader.GetString(3)), reader.GetInt64(5), reader.GetFieldValue<DateTimeOffset>(6)));
            }
        }
        if (datasets.Count == 0) return null;
        var savings = datasets.Values.Select(d => RetentionWhatIf.Compare(d.Partitions, d.Current, proposed, d.Price, now)).ToList();
        return new RetentionSaving(
            savings.Sum(s => s.CurrentBytes), savings.Sum(s => s.ProposedBytes), savings.Sum(s => s.PartitionsRemoved),
            savings.Sum(s => s.CurrentMonthly), savings.Sum(s => s.ProposedMonthly),
            savings.All(s => s.SteadyStateMonthlySaving is not null) ? savings.Sum(s => s.SteadyStateMonthlySaving!.Value) : null);
    }

    private static RetentionPolicy? Policy(NpgsqlDataReader reader) => reader.IsDBNull(7) ? null : reader.GetString(7) switch
    {
        "keep_days" => RetentionPolicy.Days(reader.GetInt32(8)),
        "keep_latest" => RetentionPolicy.Latest(reader.GetInt32(8)),
        _ => RetentionPolicy.Forever("configured"),
    };

    private static PartitionGranularity Granularity(string value) => value switch
    {
        "hourly" => PartitionGranularity.Hourly,
        "daily" => PartitionGranularity.Daily,
        _ => PartitionGranularity.None,
    };
}
