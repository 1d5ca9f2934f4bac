using Npgsql;

namespace Catalog.Web.Tests.Lineage;

/// <summary>Writes catalog rows with plain SQL, the way harvesters leave them, for lineage tests.</summary>
public sealed class LineageTestData(string connectionString)
{
    public async Task<long> EntityAsync(string reference, string? owner = null, bool restricted = false, string? title = null)
    {
        var parts = Domain.Entities.EntityRef.Parse(reference);
        return await ScalarAsync<long>("""
            INSERT INTO entities (kind, namespace, name, owner_ref, visibility, title) VALUES (@k, @n, @m, @o, @v, @t)
            ON CONFLICT (kind, namespace, name) DO UPDATE SET owner_ref = excluded.owner_ref, visibility = excluded.visibility
            RETURNING id
            """, ("k", parts.Kind), ("n", parts.Namespace), ("m", parts.Name), ("o", (object?)owner ?? DBNull.Value),
            ("v", restricted ? "restricted" : "everyone"), ("t", (object?)title ?? DBNull.Value));
    }

    /// <summary>Adds the entity unless it exists, leaving an existing one's owner and visibility alone.</summary>
    public Task EnsureEntityAsync(string reference)
    {
        var parts = Domain.Entities.EntityRef.Parse(reference);
        return ExecuteAsync("INSERT INTO entities (kind, namespace, name) VALUES (@k, @n, @m) ON CONFLICT DO NOTHING",
            ("k", parts.Kind), ("n", parts.Namespace), ("m", parts.Name));
    }

    /// <summary>Makes the user a member of the group the way descriptors record it (a memberOf relation).</summary>
    public async Task MemberAsync(string user, string group)
    {
        await EnsureEntityAsync(user);
        await EnsureEntityAsync(group);
        await ExecuteAsync("""
            INSERT INTO entity_relations (from_id, relation, to_id)
            SELECT u.id, 'memberOf', g.id FROM entities u, entities g WHERE u.ref = @u AND g.ref = @g
            ON CONFLICT DO NOTHING
            """, ("u", user), ("g", group));
    }

    public Task EdgeAsync(string from, string to, string kind) => ExecuteAsync("""
        INSERT INTO lineage_edges (from_id, to_id, edge_kind)
        SELECT f.id, t.id, @kind FROM entities f, entities t WHERE f.ref = @from AND t.ref = @to
        ON CONFLICT (from_id, to_id, edge_kind) DO UPDATE SET removed_at = NULL, last_seen = now()
        """, ("from", from), ("to", to), ("kind", kind));

    /// <summary>dataset —reads→ job —writes→ dataset, for each input and output.</summary>
    public async Task JobAsync(string job, string[] inputs, string[] outputs, string? owner = null)
    {
        await EntityAsync(job, owner);
        foreach (var input in inputs) { await EnsureEntityAsync(input); await EdgeAsync(input, job, "reads"); }
        foreach (var output in outputs) { await EnsureEntityAsync(output); await EdgeAsync(job, output, "writes"); }
    }

    public Task RemoveEdgeAsync(string from, string to) => ExecuteAsync("""
        UPDATE lineage_edges SET removed_at = now()
        WHERE from_id = (SELECT id FROM entities WHERE ref = @from) AND to_id = (SELECT id FROM entities WHERE ref = @to)
        """, ("from", from), ("to", to));

    public Task DeleteEdgeAsync(string from, string to) => ExecuteAsync("""
        DELETE FROM lineage_edges
        WHERE from_id = (SELECT id FROM entities WHERE ref = @from) AND to_id = (SELECT id FROM entities WHERE ref = @to)
        """, ("from", from), ("to", to));

    public Task ColumnEdgeAsync(string fromDataset, string fromField, string toDataset, string toField, string? type = null, string? subtype = null) => ExecuteAsync("""
        INSERT INTO column_lineage_edges (from_dataset_id, from_field, to_dataset_id, to_field, transformation_type, transformation_subtype)
        SELECT f.id, @ff, t.id, @tf, @type, @subtype FROM entities f, entities t WHERE f.ref = @from AND t.ref = @to
        ON CONFLICT DO NOTHING
        """, ("from", fromDataset), ("ff", fromField), ("to", toDataset), ("tf", toField),
        ("type", (object?)type ?? DBNull.Value), ("subtype", (object?)subtype ?? DBNull.Value));

    public Task FieldAsync(string dataset, int ordinal, string name, string type) => ExecuteAsync("""
        INSERT INTO dataset_fields (entity_id, ordinal, name, data_type) SELECT id, @o, @n, @t FROM entities WHERE ref = @d
        ON CONFLICT DO NOTHING
        """, ("d", dataset), ("o", ordinal), ("n", name), ("t", type));

    public Task RunAsync(Guid id, string job, string state, DateTimeOffset startedAt) => ExecuteAsync("""
        INSERT INTO runs (id, job_id, state, started_at, ended_at) SELECT @id, id, @s, @at, @at + interval '5 minutes' FROM entities WHERE ref = @job
        """, ("id", id), ("job", job), ("s", state), ("at", startedAt));

    public Task PartitionAsync(string dataset, string key, DateTimeOffset createdAt, Guid? runId = null, long? rows = null) => ExecuteAsync("""
        INSERT INTO partitions (dataset_id, partition_key, granularity, created_at, run_id, row_count)
        SELECT id, @key, 'daily', @at, @run, @rows FROM entities WHERE ref = @d
        """, ("d", dataset), ("key", key), ("at", createdAt), ("run", (object?)runId ?? DBNull.Value), ("rows", (object?)rows ?? DBNull.Value));

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
