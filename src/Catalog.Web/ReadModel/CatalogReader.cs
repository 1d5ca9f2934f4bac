using System.Text.Json;
using Catalog.Domain.Entities;
using Catalog.Domain.Policies;
using Catalog.Plugins.Security;
using Catalog.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Catalog.Web.ReadModel;

/// <summary>Reads what the host's own pages show. Visibility is decided by <see cref="VisibilityFilter"/> before anything else loads.</summary>
public sealed class CatalogReader(IDbContextFactory<CatalogDbContext> contexts, NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const int FacetDisplayLimit = 16 * 1024;

    /// <summary>
    /// The home page's numbers, from the counts the database keeps in the writers' own transactions (migration
    /// 0050): a few small rows whatever the catalog's size (<see cref="CountsCompactionService"/> folds them).
    /// No cache: a database outage shows as an error, not as old numbers.
    /// </summary>
    public async Task<HomeStatistics> GetHomeStatisticsAsync(CancellationToken cancellationToken)
    {
        var dayAgo = clock.GetUtcNow().AddDays(-1);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new(HomeCountsSql.Kinds),
                new(HomeCountsSql.Edges),
                new(HomeCountsSql.RunsSince) { Parameters = { new("since", dayAgo) } },
                new(HomeCountsSql.RecentHarvests),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var kinds = new List<KindCount>();
        while (await reader.ReadAsync(cancellationToken)) kinds.Add(new KindCount(reader.GetString(0), reader.GetInt64(1)));
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (lineage, columnLineage) = (reader.GetInt64(0), reader.GetInt64(1));
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (runs, failedRuns) = (reader.GetInt64(0), reader.GetInt64(1));
        await reader.NextResultAsync(cancellationToken);
        var harvests = new List<RecentHarvest>();
        while (await reader.ReadAsync(cancellationToken))
            harvests.Add(new RecentHarvest(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4), reader.GetInt32(5)));
        return new HomeStatistics(kinds, lineage, columnLineage, runs, failedRuns, harvests);
    }

    /// <summary>The entity's id when it exists and <paramref name="principal"/> may see it; null otherwise (shown as not found).</summary>
    public async Task<long?> FindVisibleAsync(EntityRef entityRef, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT e.id FROM entities e WHERE e.ref = @ref AND {VisibilityFilter.Sql("e")}");
        command.Parameters.AddWithValue("ref", entityRef.ToString());
        VisibilityFilter.AddParameters(command.Parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    public async Task<EntityDetails?> GetDetailsAsync(EntityRef entityRef, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(entityRef, principal, cancellationToken) is not { } id) return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var e = await db.Entities.SingleAsync(x => x.Id == id, cancellationToken);
        var entity = ToDomain(e);
        var owner = e.OwnerRef is null ? null : await db.Entities.Where(x => x.Ref == e.OwnerRef).Select(x => x.Title).FirstOrDefaultAsync(cancellationToken);
        var dataset = await db.Datasets.SingleOrDefaultAsync(d => d.EntityId == id, cancellationToken);
        var fields = await db.DatasetFields.Where(f => f.EntityId == id).OrderBy(f => f.Ordinal).ThenBy(f => f.Name)
            .Select(f => new FieldRow(f.Name, f.DataType, f.Description, f.Nullable, f.Tags, f.Classification)).ToListAsync(cancellationToken);
        var job = await db.Jobs.Where(j => j.EntityId == id)
            .Select(j => new JobSummary(j.JobType, j.ScheduleKind == "cron" ? "cron " + j.Cron : j.ScheduleKind, j.TimeZone, j.DeadlineMinutes, j.Sql, j.SourceCodeUrl))
            .SingleOrDefaultAsync(cancellationToken);
        var runs = await db.Runs.Where(r => r.JobId == id).OrderByDescending(r => r.StartedAt ?? r.UpdatedAt).Take(10)
            .Select(r => new RunRow(r.Id, r.State, r.NominalStart, r.StartedAt, r.EndedAt, r.ErrorMessage)).ToListAsync(cancellationToken);
        return new EntityDetails(id, entity)
        {
            Visibility = e.Visibility,
            OwnerTitle = owner,
            UpdatedAt = e.UpdatedAt,
            SourceLocation = e.SourceLocation,
            Partitioning = dataset?.Partitioning,
            StorageClass = dataset?.StorageClass,
            Fields = fields,
            Partitions = dataset is null ? null : await PartitionsAsync(db, id, cancellationToken),
            Job = job,
            RecentRuns = runs,
            Relations = await RelationsAsync(id, principal, cancellationToken),
            Retention = await db.RetentionPolicies.Where(p => p.EntityId == id || (p.Namespace == e.Namespace && p.Scope == "namespace") || (p.Classification == e.Classification && p.Scope == "classification"))
                .OrderBy(p => p.Scope).Select(p => new RetentionRow(p.Scope, p.Mode, p.Value ?? p.MaxDays, p.Justification, p.Origin, p.UpdatedBy, p.UpdatedAt)).ToListAsync(cancellationToken),
            Grants = await db.AccessGrants.Where(g => g.EntityId == id).OrderBy(g => g.PrincipalRef)
                .Select(g => new GrantRow(g.PrincipalRef, g.Permission, g.Origin, g.ExpiresAt)).ToListAsync(cancellationToken),
            Quality = await db.QualityResults.Where(q => q.DatasetId == id).OrderByDescending(q => q.ExecutedAt).Take(20)
                .Select(q => new QualityRow(q.CheckName, q.ColumnName, q.Framework, q.Status, q.ExecutedAt, q.Message)).ToListAsync(cancellationToken),
            SchemaVersions = (await db.SchemaVersions.Where(s => s.EntityId == id).OrderByDescending(s => s.Version).Take(20).ToListAsync(cancellationToken))
                .Select(s => new SchemaVersionRow(s.Version, s.Compatibility, s.Fingerprint, JsonSerializer.Deserialize<string[]>(s.Changes) ?? [], s.CreatedAt)).ToList(),
            Upstream = await NeighboursAsync(id, upstream: true, principal, cancellationToken),
            Downstream = await NeighboursAsync(id, upstream: false, principal, cancellationToken),
            Facets = ReadFacets(e.Facets),
        };
    }

    public static CatalogEntity ToDomain(Storage.Entities.EntityRecord e) => new()
    {
        Ref = new EntityRef(e.Kind, e.Namespace, e.Name),
        Title = e.Title,
        Description = e.Description,
        Owner = EntityRef.TryParse(e.OwnerRef, out var owner) ? owner : null,
        Platform = e.Platform,
        Location = e.Location,
        Classification = Classifications.TryParse(e.Classification, out var c) ? c : Classification.Internal,
        Lifecycle = Enum.TryParse<Lifecycle>(e.Lifecycle, ignoreCase: true, out var l) ? l : Lifecycle.Active,
        Tags = e.Tags,
    };

    private static async Task<PartitionSummary> PartitionsAsync(CatalogDbContext db, long id, CancellationToken cancellationToken)
    {
        var all = db.Partitions.Where(p => p.DatasetId == id);
        var count = await all.LongCountAsync(cancellationToken);
        var rows = await all.SumAsync(p => p.RowCount, cancellationToken);
        var bytes = await all.SumAsync(p => p.Bytes, cancellationToken);
        var latest = await all.OrderByDescending(p => p.PartitionKey).Take(12)
            .Select(p => new PartitionRow(p.PartitionKey, p.RowCount, p.Bytes, p.CreatedAt, p.RunId)).ToListAsync(cancellationToken);
        return new PartitionSummary(count, rows, bytes, latest);
    }

    /// <summary>The entity's relations to entities the principal may see (a team's page never lists the restricted datasets it owns to outsiders).</summary>
    private async Task<IReadOnlyList<RelationRow>> RelationsAsync(long id, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        var rows = new List<RelationRow>();
        foreach (var (direction, self, other) in new[] { ("out", "from_id", "to_id"), ("in", "to_id", "from_id") })
        {
            await using var command = dataSource.CreateCommand($"""
                SELECT r.relation, e.kind, e.namespace, e.name, e.title
                FROM entity_relations r JOIN entities e ON e.id = r.{other}
                WHERE r.{self} = @id AND {VisibilityFilter.Sql("e")}
                LIMIT 200
                """);
            command.Parameters.AddWithValue("id", id);
            VisibilityFilter.AddParameters(command.Parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                rows.Add(new RelationRow(reader.GetString(0), direction, new EntityRef(reader.GetString(1), reader.GetString(2), reader.GetString(3)), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return rows;
    }

    /// <summary>
    /// Direct lineage neighbours the principal may see. Hidden ones are left out (not shown as placeholders): the
    /// lineage tab is where restricted nodes appear as opaque <c>restricted:N</c> so paths stay true.
    /// </summary>
    private async Task<IReadOnlyList<LineageNeighbour>> NeighboursAsync(long id, bool upstream, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        var (self, other) = upstream ? ("to_id", "from_id") : ("from_id", "to_id");
        await using var command = dataSource.CreateCommand($"""
            SELECT e.kind, e.namespace, e.name, l.edge_kind, e.lifecycle
            FROM lineage_edges l JOIN entities e ON e.id = l.{other}
            WHERE l.{self} = @id AND l.removed_at IS NULL AND {VisibilityFilter.Sql("e")}
            ORDER BY e.name LIMIT 100
            """);
        command.Parameters.AddWithValue("id", id);
        VisibilityFilter.AddParameters(command.Parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
        var rows = new List<LineageNeighbour>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new LineageNeighbour(new EntityRef(reader.GetString(0), reader.GetString(1), reader.GetString(2)), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        return rows;
    }

    private static List<KeyValuePair<string, string>> ReadFacets(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object) return [];
        var options = new JsonSerializerOptions { WriteIndented = true };
        return [.. document.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p =>
        {
            var text = JsonSerializer.Serialize(p.Value, options);
            return new KeyValuePair<string, string>(p.Name, text.Length > FacetDisplayLimit ? text[..FacetDisplayLimit] + "\n… (truncated)" : text);
        })];
    }
}
