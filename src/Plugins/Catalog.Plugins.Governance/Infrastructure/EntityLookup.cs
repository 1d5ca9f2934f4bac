using Catalog.Plugins.Governance.Authorization;
using Npgsql;

namespace Catalog.Plugins.Governance.Infrastructure;

/// <summary>Loads only what an ownership check needs (ref and owner), so authorization comes before any other data.</summary>
public sealed class EntityLookup(NpgsqlDataSource dataSource)
{
    public async Task<OwnedEntity?> FindAsync(long entityId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT ref, owner_ref FROM entities WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", entityId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new OwnedEntity(entityId, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>
    /// The entity when it exists and <paramref name="principal"/> may see it; null otherwise. Writes look entities up
    /// with this, so a hidden entity answers exactly like a missing one (404, same message) instead of a 403 that names
    /// it and its owner.
    /// </summary>
    public async Task<OwnedEntity?> FindVisibleAsync(long entityId, Catalog.Plugins.Security.CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT e.ref, e.owner_ref FROM entities e WHERE e.id = @id AND {Catalog.Storage.VisibilityFilter.Sql("e")}", connection);
        command.Parameters.AddWithValue("id", entityId);
        Catalog.Storage.VisibilityFilter.AddParameters(command.Parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new OwnedEntity(entityId, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    public async Task<long?> FindIdAsync(string entityRef, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id FROM entities WHERE ref = @ref", connection);
        command.Parameters.AddWithValue("ref", entityRef);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    /// <summary>Whether the principal may see the entity's metadata at all (restricted entities): the catalog's one visibility rule.</summary>
    public async Task<bool> IsVisibleAsync(long entityId, Catalog.Plugins.Security.CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT 1 FROM entities e WHERE e.id = @id AND {Catalog.Storage.VisibilityFilter.Sql("e")}", connection);
        command.Parameters.AddWithValue("id", entityId);
        Catalog.Storage.VisibilityFilter.AddParameters(command.Parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Marks this transaction's writes as the portal's, so the classification triggers let them through.</summary>
    public static async Task MarkPortalWriterAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT set_config('catalog.writer', 'portal', true)", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
