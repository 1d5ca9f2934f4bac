using Catalog.Domain.Policies;
using Catalog.Plugins.Governance.Infrastructure;
using Npgsql;

namespace Catalog.Plugins.Governance.Access;

/// <summary>
/// Writes a portal classification: the override row (so the next harvest keeps it) and the live value in
/// <c>entities</c>/<c>dataset_fields</c>, bumping the entity version (optimistic concurrency). Returns the previous
/// classification as the outcome message.
/// </summary>
internal static class ClassificationWriter
{
    public static async Task<Outcome> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long entityId, string field,
        Classification classification, int expectedVersion, string actor, CancellationToken cancellationToken)
    {
        await EntityLookup.MarkPortalWriterAsync(connection, transaction, cancellationToken);
        await using (var bump = new NpgsqlCommand("""
            UPDATE entities SET version = version + 1, updated_at = now() WHERE id = @id AND version = @version RETURNING version
            """, connection, transaction))
        {
            bump.Parameters.AddWithValue("id", entityId);
            bump.Parameters.AddWithValue("version", expectedVersion);
            if (await bump.ExecuteScalarAsync(cancellationToken) is not int)
                return Outcome.Conflict("Someone else changed this endpoint while you were editing. Reload to see the current classifications, then make your change again.");
        }
        var wire = classification.ToWire();
        string? previous;
        var update = field.Length == 0
            ? "UPDATE entities e SET classification = @cls FROM (SELECT classification FROM entities WHERE id = @id) old WHERE e.id = @id RETURNING old.classification"
            : "UPDATE dataset_fields f SET classification = @cls FROM (SELECT classification FROM dataset_fields WHERE entity_id = @id AND name = @field) old WHERE f.entity_id = @id AND f.name = @field RETURNING old.classification";
        await using (var command = new NpgsqlCommand(update, connection, transaction))
        {
            command.Parameters.AddWithValue("id", entityId);
            command.Parameters.AddWithValue("field", field);
            command.Parameters.AddWithValue("cls", wire);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
                return Outcome.Invalid("field", $"The endpoint has no column named '{Domain.Entities.MetadataLimits.Truncate(field, 100)}'.");
            previous = reader.IsDBNull(0) ? null : reader.GetString(0);
        }
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO classification_overrides (entity_id, field_name, classification, harvested, updated_by)
            VALUES (@id, @field, @cls, @previous, @actor)
            ON CONFLICT (entity_id, field_name) DO UPDATE SET classification = EXCLUDED.classification, updated_by = EXCLUDED.updated_by,
                updated_at = now(), version = classification_overrides.version + 1
            """, connection, transaction))
        {
            upsert.Parameters.AddWithValue("id", entityId);
            upsert.Parameters.AddWithValue("field", field);
            upsert.Parameters.AddWithValue("cls", wire);
            upsert.Parameters.AddWithValue("previous", NpgsqlTypes.NpgsqlDbType.Text, (object?)previous ?? DBNull.Value);
            upsert.Parameters.AddWithValue("actor", actor);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        return new Outcome(OutcomeStatus.Done, previous ?? "none") { NewVersion = expectedVersion + 1 };
    }
}
