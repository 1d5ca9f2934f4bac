using System.Diagnostics;
using Catalog.Generator.Loading;
using Npgsql;

namespace Catalog.Generator;

/// <summary>
/// Loads a generated catalog into a migrated database with binary COPY, in one transaction: a failed or cancelled
/// generation leaves nothing behind. Refuses to run when the database already holds a generated catalog (names
/// would collide); use a fresh database.
/// </summary>
public sealed class CatalogGenerator(NpgsqlDataSource dataSource)
{
    public async Task<GenerationReport> GenerateAsync(CatalogShape shape, SearchIndexing search, DateTime anchor,
        IProgress<GeneratorProgress>? progress, CancellationToken cancellationToken)
    {
        // COPY is written with Npgsql's synchronous importer (measurably faster per row); keep it off the caller's thread.
        return await Task.Run(() => Generate(shape, search, anchor, progress, cancellationToken), cancellationToken);
    }

    private GenerationReport Generate(CatalogShape shape, SearchIndexing search, DateTime anchor, IProgress<GeneratorProgress>? progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var connection = dataSource.OpenConnection();
        if (Scalar<string>(connection, "SELECT min(source_location) FROM entities WHERE source_location LIKE 'generator:%'") is { } existing)
            throw new InvalidOperationException($"The database already holds a generated catalog ({existing}). Generate into a fresh database.");
        if (search == SearchIndexing.Rebuild && !Scalar<bool>(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
            search = SearchIndexing.Triggers; // skipping triggers needs a superuser; the triggers then build documents as rows land

        using var transaction = connection.BeginTransaction();
        if (search == SearchIndexing.Rebuild) Execute(connection, "SET LOCAL session_replication_role = replica");
        var copy = new StageCopy(connection, progress);
        var p = shape.Profile;
        var stages = new List<StageReport>
        {
            copy.Run("entities", EntityRows.Copy, p.Entities, rows => EntityRows.Write(shape, rows)),
        };
        var ids = ReadIds(connection, shape);
        cancellationToken.ThrowIfCancellationRequested();
        stages.Add(copy.Run("datasets", DetailRows.CopyDatasets, p.Endpoints, rows => DetailRows.WriteDatasets(shape, ids, rows)));
        stages.Add(copy.Run("jobs", DetailRows.CopyJobs, p.Workflows, rows => DetailRows.WriteJobs(shape, ids, rows)));
        stages.Add(copy.Run("columns", DetailRows.CopyFields, p.Columns, rows => DetailRows.WriteFields(shape, ids, rows)));
        cancellationToken.ThrowIfCancellationRequested();
        stages.Add(copy.Run("lineage edges", LineageRows.CopyEdges, p.Workflows * 4L, rows => LineageRows.WriteEdges(shape, ids, rows)));
        stages.Add(copy.Run("column lineage", LineageRows.CopyColumnEdges, p.DerivedEndpoints * (long)LineageRows.MappedColumns,
            rows => LineageRows.WriteColumnEdges(shape, ids, rows)));
        cancellationToken.ThrowIfCancellationRequested();
        stages.Add(copy.Run("runs", OperationsRows.CopyRuns, OperationsRows.CountRuns(shape), rows => OperationsRows.WriteRuns(shape, ids, anchor, rows)));
        stages.Add(copy.Run("partitions", OperationsRows.CopyPartitions, OperationsRows.CountPartitions(shape),
            rows => OperationsRows.WritePartitions(shape, ids, anchor, rows)));
        cancellationToken.ThrowIfCancellationRequested();
        stages.Add(copy.Run("relations", GovernanceRows.CopyRelations, p.Users + p.Entities, rows => GovernanceRows.WriteRelations(shape, ids, rows)));
        stages.Add(copy.Run("retention policies", GovernanceRows.CopyRetention, p.Endpoints / 10, rows => GovernanceRows.WriteRetention(shape, ids, rows)));
        stages.Add(copy.Run("access grants", GovernanceRows.CopyGrants, p.Endpoints / 33, rows => GovernanceRows.WriteGrants(shape, ids, rows)));
        using (var policies = new NpgsqlCommand(GovernanceRows.SharedPolicies, connection))
        {
            policies.Parameters.AddWithValue("source", shape.SourceLocation);
            policies.ExecuteNonQuery();
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (search == SearchIndexing.Rebuild)
        {
            Execute(connection, "SET LOCAL session_replication_role = origin");
            stages.Add(SearchDocuments.Rebuild(connection, ids.All, progress));
        }
        transaction.Commit();

        // Fresh statistics: the planner otherwise plans search and lineage queries for empty tables.
        var analyze = Stopwatch.StartNew();
        progress?.Report(new GeneratorProgress("analyze", 0, 1));
        Execute(connection, "ANALYZE");
        stages.Add(new StageReport("analyze", 0, analyze.Elapsed));
        progress?.Report(new GeneratorProgress("analyze", 1, 1));
        return new GenerationReport(p.Name, shape.Seed, search, stages, clock.Elapsed);
    }

    private static EntityIds ReadIds(NpgsqlConnection connection, CatalogShape shape)
    {
        var ids = new List<long>(shape.Profile.Entities);
        using (var command = new NpgsqlCommand("SELECT id FROM entities WHERE source_location = @source ORDER BY id", connection))
        {
            command.Parameters.AddWithValue("source", shape.SourceLocation);
            using var reader = command.ExecuteReader();
            while (reader.Read()) ids.Add(reader.GetInt64(0));
        }
        if (ids.Count != shape.Profile.Entities)
            throw new InvalidOperationException($"Expected {shape.Profile.Entities} generated entities, found {ids.Count}.");
        return new EntityIds([.. ids], shape.Profile);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    private static T? Scalar<T>(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)value;
    }
}
