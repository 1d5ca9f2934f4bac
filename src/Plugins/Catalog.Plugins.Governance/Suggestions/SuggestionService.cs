using System.Security.Claims;
using Catalog.Domain.Audit;
using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Domain.Policies;
using Catalog.Domain.Policies.Propagation;
using Catalog.Plugins.Governance.Access;
using Catalog.Plugins.Governance.Audit;
using Catalog.Plugins.Governance.Authorization;
using Catalog.Plugins.Governance.Infrastructure;
using Npgsql;

namespace Catalog.Plugins.Governance.Suggestions;

public sealed record SuggestionRow(string Field, string Suggested, string SourceDataset, long SourceDatasetId, string SourceField, int Hops);

/// <summary>
/// Classification suggestions for one dataset's columns, computed from the column lineage upstream of it (nothing is
/// written while browsing). An owner's rejection is stored and hides the suggestion; an acceptance classifies the column.
/// </summary>
public sealed class SuggestionService(NpgsqlDataSource dataSource, EntityLookup entities, GovernanceGate gate, AuditTrail audit)
{
    public async Task<IReadOnlyList<SuggestionRow>> PendingAsync(long datasetId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var edges = new List<(long FromId, string FromField, long ToId, string ToField, string? Type)>();
        await using (var command = new NpgsqlCommand("""
            WITH RECURSIVE upstream AS (
                SELECT c.id, c.from_dataset_id, c.from_field, c.to_dataset_id, c.to_field, c.transformation_type, 1 AS depth
                FROM column_lineage_edges c WHERE c.to_dataset_id = @id AND c.removed_at IS NULL
                UNION
                SELECT c.id, c.from_dataset_id, c.from_field, c.to_dataset_id, c.to_field, c.transformation_type, u.depth + 1
                FROM column_lineage_edges c JOIN upstream u ON c.to_dataset_id = u.from_dataset_id AND c.to_field = u.from_field
                WHERE c.removed_at IS NULL AND u.depth < 50)
            SELECT DISTINCT from_dataset_id, from_field, to_dataset_id, to_field, transformation_type FROM upstream
            """, connection))
        {
            command.Parameters.AddWithValue("id", datasetId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                edges.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        if (edges.Count == 0) return [];

        var ids = edges.SelectMany(e => new[] { e.FromId, e.ToId }).Distinct().ToArray();
        var refs = new Dictionary<long, EntityRef>();
        var known = new Dictionary<ColumnRef, Classification>();
        await using (var command = new NpgsqlCommand("""
            SELECT e.id, e.kind, e.namespace, e.name, f.name, f.classification FROM entities e
            LEFT JOIN dataset_fields f ON f.entity_id = e.id AND f.classification IS NOT NULL
            WHERE e.id = ANY(@ids)
            """, connection))
        {
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var entityRef = new EntityRef(reader.GetString(1), reader.GetString(2), reader.GetString(3));
                refs[reader.GetInt64(0)] = entityRef;
                if (!reader.IsDBNull(4) && Classifications.TryParse(reader.GetString(5), out var c))
                    known[new ColumnRef(entityRef, reader.GetString(4))] = c;
            }
        }
        var rejected = new HashSet<(string Field, string Suggested)>();
        await using (var command = new NpgsqlCommand("SELECT field_name, suggested FROM classification_suggestions WHERE dataset_id = @id AND status = 'rejected'", connection))
        {
            command.Parameters.AddWithValue("id", datasetId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) rejected.Add((reader.GetString(0), reader.GetString(1)));
        }

        var lineage = edges.Select(e => new ColumnLineageEdge(new ColumnRef(refs[e.FromId], e.FromField), new ColumnRef(refs[e.ToId], e.ToField)) { TransformationType = e.Type });
        var target = refs[datasetId];
        var idOf = refs.ToDictionary(p => p.Value, p => p.Key);
        return ClassificationPropagation.Suggest(known, lineage)
            .Where(s => s.Column.Dataset == target && !rejected.Contains((s.Column.Field, s.Suggested.ToWire())))
            .Select(s => new SuggestionRow(s.Column.Field, s.Suggested.ToWire(), s.Because.Dataset.ToString(), idOf[s.Because.Dataset], s.Because.Field, s.Hops))
            .ToList();
    }

    /// <summary>
    /// <see cref="PendingAsync"/> as <paramref name="viewer"/> may read it: a suggestion that comes from a dataset the
    /// viewer may not see still shows (the column's data is as sensitive either way) but without that dataset's ref,
    /// id or column.
    /// </summary>
    public async Task<IReadOnlyList<SuggestionRow>> PendingForViewerAsync(long datasetId, Catalog.Plugins.Security.CatalogPrincipal viewer, CancellationToken cancellationToken = default)
    {
        var rows = await PendingAsync(datasetId, cancellationToken);
        if (rows.Count == 0) return rows;
        var visible = new HashSet<long>();
        await using (var command = dataSource.CreateCommand($"SELECT e.id FROM entities e WHERE e.id = ANY(@ids) AND {Catalog.Storage.VisibilityFilter.Sql("e")}"))
        {
            command.Parameters.AddWithValue("ids", rows.Select(r => r.SourceDatasetId).Distinct().ToArray());
            Catalog.Storage.VisibilityFilter.AddParameters(command.Parameters, viewer.SeesEverything, viewer.PrincipalRefs, viewer.AsOf);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) visible.Add(reader.GetInt64(0));
        }
        return [.. rows.Select(r => visible.Contains(r.SourceDatasetId) ? r : r with { SourceDataset = HiddenSource, SourceDatasetId = 0, SourceField = "a column" })];
    }

    public const string HiddenSource = "a restricted dataset";

    /// <summary>Accepts (classifies the column) or rejects (remembers the rejection) one suggestion.</summary>
    public async Task<Outcome> DecideAsync(ClaimsPrincipal user, long datasetId, string field, string suggested, bool accept, int entityVersion, CancellationToken cancellationToken = default)
    {
        var action = accept ? AuditActions.SuggestionAccepted : AuditActions.SuggestionRejected;
        var person = await gate.RequirePersonAsync(user, action, $"entity:{datasetId}", cancellationToken);
        if (!person.IsAllowed) return Outcome.Denied(person);
        var entity = await entities.FindVisibleAsync(datasetId, await gate.PrincipalAsync(user, cancellationToken), cancellationToken);
        if (entity is null) return Outcome.NotFound("The dataset");
        var owner = await gate.RequireOwnerAsync(user, entity, action, cancellationToken);
        if (!owner.IsAllowed) return Outcome.Denied(owner);

        var suggestion = (await PendingAsync(datasetId, cancellationToken)).FirstOrDefault(s => s.Field == field && s.Suggested == suggested);
        if (suggestion is null) return Outcome.Conflict("That suggestion no longer applies (it was decided already, or the lineage changed). Reload the page.");
        Classifications.TryParse(suggested, out var classification);
        var actor = GovernanceGate.ActorOf(user);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int? newVersion = null;
        if (accept)
        {
            var written = await ClassificationWriter.WriteAsync(connection, transaction, datasetId, field, classification, entityVersion, actor, cancellationToken);
            if (!written.Succeeded) return written;
            newVersion = written.NewVersion;
        }
        await using (var record = new NpgsqlCommand("""
            INSERT INTO classification_suggestions (dataset_id, field_name, suggested, source_dataset_id, source_field, hops, status, decided_by, decided_at)
            VALUES (@id, @field, @suggested, @source, @sourceField, @hops, @status, @by, now())
            ON CONFLICT (dataset_id, field_name, suggested) DO UPDATE SET status = EXCLUDED.status, decided_by = EXCLUDED.decided_by, decided_at = now()
            """, connection, transaction))
        {
            record.Parameters.AddWithValue("id", datasetId);
            record.Parameters.AddWithValue("field", field);
            record.Parameters.AddWithValue("suggested", suggested);
            record.Parameters.AddWithValue("source", suggestion.SourceDatasetId);
            record.Parameters.AddWithValue("sourceField", suggestion.SourceField);
            record.Parameters.AddWithValue("hops", suggestion.Hops);
            record.Parameters.AddWithValue("status", accept ? "accepted" : "rejected");
            record.Parameters.AddWithValue("by", actor);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await audit.RecordAsync(connection, transaction, new AuditRecord(actor, action, entity.Ref)
        {
            After = new { field, suggested, because = $"{suggestion.SourceDataset}.{suggestion.SourceField}", hops = suggestion.Hops },
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(accept ? $"Column {field} is now classified {suggested}." : $"The suggestion to classify {field} as {suggested} was rejected.", newVersion);
    }
}
