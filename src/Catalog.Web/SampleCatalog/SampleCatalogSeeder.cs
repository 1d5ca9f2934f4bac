using Catalog.Harvesting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Web.SampleCatalog;

/// <summary>
/// Seeds an empty catalog by running the real harvesters over <c>samples/catalog</c> (descriptors: teams, datasets,
/// workflows, policies; Avro schemas), then has <see cref="SampleScheduler"/> generate the last
/// <see cref="SampleCatalogOptions.SeedDays"/> of the workflows' runs up to now, through the OpenLineage ingest path,
/// so runs, partitions and cost history lie relative to the day it is seeded. On a later start of a seeded catalog
/// the scheduler catches up on the time the portal was away before the first page is served. Two portals starting
/// at once seed once: an advisory lock serialises them and the second finds the catalog no longer empty.
/// </summary>
public sealed class SampleCatalogSeeder(
    HarvestRunner runner, SampleScheduler scheduler, NpgsqlDataSource dataSource, IOptions<SampleCatalogOptions> options,
    TimeProvider clock, ILogger<SampleCatalogSeeder> logger)
{
    private const long SeedLockKey = 0x434154414C4F4753; // "CATALOGS"

    /// <summary>(harvester kind, folder inside the sample) in the order that makes references resolve to described entities.</summary>
    private static readonly (string Kind, string Folder)[] Steps = [("descriptors", ""), ("avro", "avro")];

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedOnFirstStart) return;
        var root = options.Value.ResolveRoot();
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
            if ((bool)(await any.ExecuteScalarAsync(cancellationToken))!)
            {
                if (options.Value.WhySchedulerIsOff() is null) await scheduler.AdvanceAsync(cancellationToken);
                return;
            }
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
            await scheduler.StartSimulationAsync(clock.GetUtcNow().AddDays(-Math.Max(1, options.Value.SeedDays)), cancellationToken);
            var events = await scheduler.AdvanceAsync(cancellationToken, maxDays: options.Value.SeedDays);
            logger.LogInformation("Sample runs: {Events} OpenLineage events for the last {Days} days", events, options.Value.SeedDays);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({SeedLockKey})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
