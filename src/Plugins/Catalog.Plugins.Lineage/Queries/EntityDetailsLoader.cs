using Catalog.Plugins.Security;
using Catalog.Storage;
using Npgsql;

namespace Catalog.Plugins.Lineage.Queries;

/// <summary>
/// Loads names, owners and fields for entity ids, and whether the principal may see each one, using the
/// catalog's single visibility rule (<see cref="VisibilityFilter"/>). Hidden entities come back with
/// <see cref="EntityDetails.Visible"/> false so callers can keep the graph connected without naming them.
/// </summary>
public sealed class EntityDetailsLoader(NpgsqlDataSource dataSource)
{
    private static readonly string Columns = $"""
        e.id, e.kind, e.namespace, e.name, e.ref, e.title, e.description, e.owner_ref, e.platform, e.location,
        e.lifecycle, e.classification, e.created_at, e.updated_at, {VisibilityFilter.Sql("e")} AS visible
        """;

    public async Task<EntityDetails?> FindAsync(string reference, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM entities e WHERE e.ref = @ref");
        command.Parameters.AddWithValue("ref", reference);
        VisibilityFilter.AddParameters(command.Parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyDictionary<long, EntityDetails>> LoadAsync(IReadOnlyCollection<long> ids, CatalogPrincipal principal, bool withFields, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, EntityDetails>(ids.Count);
        if (ids.Count == 0) return found;
        await using (var command = dataSource.CreateCommand($"SELECT {Columns} FROM entities e WHERE e.id = ANY(@ids)"))
        {
            command.Parameters.AddWithValue("ids", ids.ToArray());
            VisibilityFilter.AddParameters(command.Parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var details = Read(reader);
                found[details.Id] = details;
            }
        }
        if (!withFields) return found;

        var datasets = found.Values.Where(d => d.Visible && d.Kind == Domain.Entities.EntityKind.Dataset).Select(d => d.Id).ToArray();
        if (datasets.Length == 0) return found;
        var fields = new Dictionary<long, List<FieldDetails>>();
        await using (var command = dataSource.CreateCommand("SELECT entity_id, name, data_type, description FROM dataset_fields WHERE entity_id = ANY(@ids) ORDER BY entity_id, ordinal"))
        {
            command.Parameters.AddWithValue("ids", datasets);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                if (!fields.TryGetValue(id, out var list)) fields[id] = list = [];
                list.Add(new FieldDetails(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }
        foreach (var (id, list) in fields) found[id] = found[id] with { Fields = list };
        return found;
    }

    /// <summary>Refs of visible entities of the given kinds that take part in lineage, for pickers; at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<string>> ListLineageRefsAsync(IReadOnlyCollection<string> kinds, CatalogPrincipal principal, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT e.ref FROM entities e
            WHERE e.kind = ANY(@kinds) AND {VisibilityFilter.Sql("e")}
              AND EXISTS (SELECT 1 FROM lineage_edges l WHERE l.from_id = e.id AND l.removed_at IS NULL)
            ORDER BY e.ref LIMIT @limit
            """);
        command.Parameters.AddWithValue("kinds", kinds.ToArray());
        command.Parameters.AddWithValue("limit", limit);
        VisibilityFilter.AddParameters(command.Parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
        var refs = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) refs.Add(reader.GetString(0));
        return refs;
    }


    private static EntityDetails Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        Nullable(reader, 5), Nullable(reader, 6), Nullable(reader, 7), Nullable(reader, 8), Nullable(reader, 9),
        reader.GetString(10), reader.GetString(11), reader.GetFieldValue<DateTimeOffset>(12), reader.GetFieldValue<DateTimeOffset>(13),
        reader.GetBoolean(14));

    private static string? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
