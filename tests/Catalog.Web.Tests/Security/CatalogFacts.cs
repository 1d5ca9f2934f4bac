using Npgsql;

namespace Catalog.Web.Tests.Security;

/// <summary>A restricted entity and its twin: the same shape with a name and id that exist nowhere.</summary>
public sealed record RestrictedEntity(long Id, string Kind, string Namespace, string Name, string Ref)
{
    public const long TwinIdOffset = 900_000_000;
    public string TwinName => Name + "-absent";
    public long TwinId => Id + TwinIdOffset;
    public override string ToString() => Ref;
}

public sealed record CatalogEntityRow(long Id, string Kind, string Namespace, string Name, string Ref, RestrictedEntity? Restricted);

/// <summary>What the leak test probes with, read from the seeded catalog as the insider sees it.</summary>
public sealed record CatalogFacts(
    IReadOnlyList<CatalogEntityRow> Entities,
    IReadOnlyList<RestrictedEntity> Restricted,
    IReadOnlyList<CatalogEntityRow> Neighbours,
    IReadOnlyList<string> OwnerRefs,
    IReadOnlyList<string> Namespaces,
    IReadOnlyList<(long Id, RestrictedEntity Entity)> AccessRequests,
    IReadOnlyList<(long Id, RestrictedEntity Entity)> Grants,
    IReadOnlyList<Guid> HarvestRuns)
{
    public static async Task<CatalogFacts> ReadAsync(NpgsqlDataSource db)
    {
        var entities = new List<CatalogEntityRow>();
        await using (var command = db.CreateCommand("SELECT id, kind, namespace, name, ref, visibility FROM entities ORDER BY id"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                var (id, kind, ns, name, @ref) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
                entities.Add(new(id, kind, ns, name, @ref, reader.GetString(5) == "restricted" ? new RestrictedEntity(id, kind, ns, name, @ref) : null));
            }
        var restricted = entities.Where(e => e.Restricted is not null).Select(e => e.Restricted!).ToList();
        var byId = restricted.ToDictionary(r => r.Id);
        var ids = restricted.Select(r => r.Id).ToArray();

        var neighbourIds = await LongsAsync(db, """
            SELECT to_id FROM lineage_edges WHERE from_id = ANY(@ids) UNION SELECT from_id FROM lineage_edges WHERE to_id = ANY(@ids)
            UNION SELECT to_id FROM entity_relations WHERE from_id = ANY(@ids) UNION SELECT from_id FROM entity_relations WHERE to_id = ANY(@ids)
            UNION SELECT o.id FROM entities o JOIN entities e ON e.owner_ref = o.ref WHERE e.id = ANY(@ids)
            """, ids);
        var neighbours = entities.Where(e => e.Restricted is null && neighbourIds.Contains(e.Id)).ToList();
        var owners = await StringsAsync(db, "SELECT DISTINCT owner_ref FROM entities WHERE id = ANY(@ids) AND owner_ref IS NOT NULL", ids);
        var namespaces = restricted.Select(r => r.Namespace).Distinct().ToList();
        var requests = (await PairsAsync(db, "SELECT id, entity_id FROM access_requests WHERE entity_id = ANY(@ids)", ids)).Select(p => (p.Id, byId[p.EntityId])).ToList();
        var grants = (await PairsAsync(db, "SELECT id, entity_id FROM access_grants WHERE entity_id = ANY(@ids)", ids)).Select(p => (p.Id, byId[p.EntityId])).ToList();
        var harvestRuns = new List<Guid>();
        await using (var command = db.CreateCommand("SELECT id FROM harvest_runs"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) harvestRuns.Add(reader.GetGuid(0));
        return new CatalogFacts(entities, restricted, neighbours, owners, namespaces, requests, grants, harvestRuns);
    }

    private static async Task<HashSet<long>> LongsAsync(NpgsqlDataSource db, string sql, long[] ids)
    {
        var result = new HashSet<long>();
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result.Add(reader.GetInt64(0));
        return result;
    }

    private static async Task<List<string>> StringsAsync(NpgsqlDataSource db, string sql, long[] ids)
    {
        var result = new List<string>();
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result.Add(reader.GetString(0));
        return result;
    }

    private static async Task<List<(long Id, long EntityId)>> PairsAsync(NpgsqlDataSource db, string sql, long[] ids)
    {
        var result = new List<(long, long)>();
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result.Add((reader.GetInt64(0), reader.GetInt64(1)));
        return result;
    }
}
