using Catalog.Domain.Datasets;
using Catalog.Domain.Policies;
using Catalog.Domain.Policies.Retention;
using Npgsql;

namespace Catalog.Plugins.Governance.Retention;

/// <summary>The SQL behind <see cref="RetentionService"/>: reads the facts into a <see cref="RetentionView"/>, writes portal rows.</summary>
internal static class RetentionStore
{
    public static async Task<RetentionView?> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long entityId, CancellationToken cancellationToken, bool lockPortalRow = false)
    {
        string entityRef, ns; string? owner, platform, storageClass; Classification classification; PartitionGranularity granularity;
        await using (var command = new NpgsqlCommand("""
            SELECT e.ref, e.namespace, e.owner_ref, e.platform, d.storage_class, coalesce(d.partitioning, 'none'), e.classification, coalesce(array_agg(f.classification) FILTER (WHERE f.classification IS NOT NULL), '{}')
            FROM entities e
            LEFT JOIN datasets d ON d.entity_id = e.id
            LEFT JOIN dataset_fields f ON f.entity_id = e.id
            WHERE e.id = @id
            GROUP BY e.id, d.entity_id
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("id", entityId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            entityRef = reader.GetString(0);
            ns = reader.GetString(1);
            owner = reader.IsDBNull(2) ? null : reader.GetString(2);
            platform = reader.IsDBNull(3) ? null : reader.GetString(3);
            storageClass = reader.IsDBNull(4) ? null : reader.GetString(4);
            granularity = reader.GetString(5) switch { "hourly" => PartitionGranularity.Hourly, "daily" => PartitionGranularity.Daily, _ => PartitionGranularity.None };
            Classifications.TryParse(reader.GetString(6), out classification);
            foreach (var column in reader.GetFieldValue<string[]>(7))
                if (Classifications.TryParse(column, out var c)) classification = Classifications.Max(classification, c);
        }

        var rows = new List<(string Scope, string Origin, RetentionPolicy Policy, int? MaxDays, string? By, DateTimeOffset At, int Version)>();
        await using (var command = new NpgsqlCommand($"""
            SELECT scope, origin, mode, value, justification, max_days, updated_by, updated_at, version FROM retention_policies
            WHERE (scope = 'entity' AND entity_id = @id) OR (scope = 'namespace' AND namespace = @ns) OR (scope = 'classification' AND classification = @cls)
            {(lockPortalRow ? "FOR UPDATE" : "")}
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("id", entityId);
            command.Parameters.AddWithValue("ns", ns);
            command.Parameters.AddWithValue("cls", classification.ToWire());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var policy = new RetentionPolicy
                {
                    Mode = RetentionInput.ParseMode(reader.GetString(2)) ?? RetentionMode.KeepForever,
                    Value = reader.IsDBNull(3) ? null : reader.GetInt32(3),
                    Justification = reader.IsDBNull(4) ? null : reader.GetString(4),
                };
                rows.Add((reader.GetString(0), reader.GetString(1), policy, reader.IsDBNull(5) ? null : reader.GetInt32(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetInt32(8)));
            }
        }

        // Within a default scope, too, a portal edit wins over a harvested declaration.
        RetentionPolicy? Pick(string scope) =>
            rows.Where(r => r.Scope == scope).OrderBy(r => r.Origin == "portal" ? 0 : 1).Select(r => r.Policy).FirstOrDefault();
        DeclaredRetention? Declared(string origin) => rows.Where(r => r.Scope == "entity" && r.Origin == origin)
            .Select(r => new DeclaredRetention(r.Policy, origin == "portal" ? PolicyOrigin.Portal : PolicyOrigin.Descriptor) { UpdatedBy = r.By, UpdatedAt = r.At, Version = r.Version })
            .FirstOrDefault();
        var caps = rows.Where(r => r.Scope == "classification" && r.MaxDays is not null).Select(r => r.MaxDays!.Value).ToList();

        var context = new RetentionContext
        {
            Classification = classification,
            Granularity = granularity,
            Portal = Declared("portal"),
            Descriptor = Declared("descriptor"),
            NamespaceDefault = Pick("namespace"),
            ClassificationDefault = Pick("classification"),
            ClassificationMaxDays = caps.Count > 0 ? caps.Min() : null,
        };

        var partitions = new List<PartitionFacts>();
        await using (var command = new NpgsqlCommand("SELECT partition_key, created_at, bytes FROM partitions WHERE dataset_id = @id", connection, transaction))
        {
            command.Parameters.AddWithValue("id", entityId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                partitions.Add(PartitionFacts.From(reader.GetString(0), granularity, reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)));
        }
        return new RetentionView(entityId, entityRef, owner, platform, storageClass, context, RetentionResolver.Resolve(context), partitions);
    }

    public static async Task<int> WritePortalAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long entityId, RetentionPolicy policy, int? currentVersion, string actor, CancellationToken cancellationToken)
    {
        var sql = currentVersion is null
            ? """
              INSERT INTO retention_policies (scope, entity_id, mode, value, justification, origin, updated_by)
              VALUES ('entity', @id, @mode, @value, @justification, 'portal', @actor) RETURNING version
              """
            : """
              UPDATE retention_policies SET mode = @mode, value = @value, justification = @justification, updated_by = @actor,
                     updated_at = now(), version = version + 1
              WHERE scope = 'entity' AND entity_id = @id AND origin = 'portal' RETURNING version
              """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("id", entityId);
        command.Parameters.AddWithValue("mode", RetentionInput.Wire(policy.Mode));
        command.Parameters.AddWithValue("value", NpgsqlTypes.NpgsqlDbType.Integer, (object?)policy.Value ?? DBNull.Value);
        command.Parameters.AddWithValue("justification", NpgsqlTypes.NpgsqlDbType.Text, (object?)policy.Justification ?? DBNull.Value);
        command.Parameters.AddWithValue("actor", actor);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task DeletePortalAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long entityId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("DELETE FROM retention_policies WHERE scope = 'entity' AND entity_id = @id AND origin = 'portal'", connection, transaction);
        command.Parameters.AddWithValue("id", entityId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
