using Catalog.Harvesting;
using Catalog.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Web.SampleCatalog;

/// <summary>
/// Seeds an empty catalog by running the real harvesters over <c>samples/catalog</c>: descriptors (teams, datasets,
/// workflows, policies), OpenLineage events (runs, partitions) and Avro schemas. Two portals starting at once seed
/// once: an advisory lock serialises them and the second finds the catalog no longer empty.
/// </summary>
public sealed class SampleCatalogSeeder(HarvestRunner runner, NpgsqlDataSource dataSource, IOptions<SampleCatalogOptions> options, ILogger<SampleCatalogSeeder> logger)
{
    private const long SeedLockKey = 0x434154414C4F4753; // "CATALOGS"

    /// <summary>(harvester kind, folder inside the sample) in the order that makes references resolve to described entities.</summary>
    private static readonly (string Kind, string Folder)[] Steps = [("descriptors", ""), ("avro", "avro"), ("openlineage", "openlineage")];

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedOnFirstStart) return;
        var root = options.Value.Path ?? System.IO.Path.Combine(RepositoryPaths.FindRoot() ?? Directory.GetCurrentDirectory(), "samples", "catalog");
        if (!Directory.Exists(root))
        {
            logger.LogWarning("No sample catalog at {Path}; starting with an empty catalog", root);
            return;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({SeedLockKey})", connection))
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            await using var any = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM entities)", connection);
            if ((bool)(await any.ExecuteScalarAsync(cancellationToken))!) return;
            logger.LogInformation("The catalog is empty: harvesting the sample catalog from {Path}", root);
            foreach (var (kind, folder) in Steps)
            {
                if (runner.Find(kind) is null)
                {
                    logger.LogWarning("No {Kind} harvester is loaded; that part of the sample is skipped", kind);
                    continue;
                }
                var summary = await runner.RunAsync(kind, System.IO.Path.Combine(root, folder), cancellationToken: cancellationToken);
                logger.LogInformation("Sample {Kind}: {Summary}", kind, summary.Describe());
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({SeedLockKey})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
