using System.Text.Json;
using Catalog.Testing;

namespace Catalog.Web.Tests.Cost;

/// <summary>
/// Puts facts from real corpus files into the catalog as the harvesters will (a job per dbt model with one run
/// timed by run_results; an OpenLineage output's outputStatistics size as the dataset's bytes). Until the harvest
/// engine lands on main this is the stand-in; the numbers asserted come from the files, not from this code.
/// </summary>
public static class CostCorpusRows
{
    /// <summary>
    /// dbt run_results: one job per model (platform postgres), one run from first timing start to last timing end.
    /// The run id is derived from the model and start, so loading twice (xUnit initializes per test) adds nothing.
    /// </summary>
    public static async Task LoadDbtRunResultsAsync(CatalogWebFactory factory, string @namespace, string owner, params string[] path)
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Corpus.Path(path)));
        foreach (var result in json.RootElement.GetProperty("results").EnumerateArray())
        {
            var timing = result.GetProperty("timing");
            if (timing.GetArrayLength() == 0) continue;
            var model = result.GetProperty("unique_id").GetString()!;
            await AddJobAsync(factory, @namespace, model, owner, "postgres");
            await factory.ExecuteAsync("""
                INSERT INTO runs (id, job_id, state, started_at, ended_at)
                SELECT md5($4 || $5 || $2)::uuid, id, $1, $2::timestamptz, $3::timestamptz FROM entities WHERE kind = 'job' AND namespace = $4 AND name = $5
                ON CONFLICT (id) DO NOTHING
                """,
                result.GetProperty("status").GetString() == "success" ? "completed" : "failed",
                timing[0].GetProperty("started_at").GetString()!, timing[timing.GetArrayLength() - 1].GetProperty("completed_at").GetString()!,
                @namespace, model);
        }
    }

    /// <summary>
    /// An OpenLineage COMPLETE event: its job with a run from the START event's time to the COMPLETE's, and each
    /// output with outputStatistics.size as one unpartitioned partition written by that run.
    /// </summary>
    public static async Task LoadOpenLineageRunAsync(CatalogWebFactory factory, string owner, string platform, JsonElement start, JsonElement complete)
    {
        var job = complete.GetProperty("job");
        var jobNamespace = job.GetProperty("namespace").GetString()!;
        var jobName = job.GetProperty("name").GetString()!;
        var runId = Guid.Parse(complete.GetProperty("run").GetProperty("runId").GetString()!);
        await AddJobAsync(factory, jobNamespace, jobName, owner, platform);
        await factory.ExecuteAsync("""
            INSERT INTO runs (id, job_id, state, started_at, ended_at)
            SELECT $1, id, 'completed', $2::timestamptz, $3::timestamptz FROM entities WHERE kind = 'job' AND namespace = $4 AND name = $5
            ON CONFLICT (id) DO NOTHING
            """, runId, start.GetProperty("eventTime").GetString()!, complete.GetProperty("eventTime").GetString()!, jobNamespace, jobName);
        foreach (var output in complete.GetProperty("outputs").EnumerateArray())
        {
            var ns = output.GetProperty("namespace").GetString()!;
            var name = output.GetProperty("name").GetString()!;
            var size = output.GetProperty("outputFacets").GetProperty("outputStatistics").GetProperty("size").GetInt64();
            await factory.ExecuteAsync("""
                WITH e AS (INSERT INTO entities (kind, namespace, name, owner_ref, platform) VALUES ('dataset', $1, $2, $3, $4)
                           ON CONFLICT (kind, namespace, name) DO UPDATE SET owner_ref = excluded.owner_ref RETURNING id)
                INSERT INTO datasets (entity_id) SELECT id FROM e ON CONFLICT DO NOTHING
                """, ns, name, owner, platform);
            await factory.ExecuteAsync("""
                INSERT INTO partitions (dataset_id, partition_key, bytes, created_at, run_id)
                SELECT id, 'all', $3, $4::timestamptz, $5 FROM entities WHERE kind = 'dataset' AND namespace = $1 AND name = $2
                ON CONFLICT (dataset_id, partition_key) DO NOTHING
                """, ns, name, size, complete.GetProperty("eventTime").GetString()!, runId);
            await factory.ExecuteAsync("""
                INSERT INTO lineage_edges (from_id, to_id, edge_kind, run_id)
                SELECT j.id, d.id, 'writes', $5 FROM entities j, entities d
                WHERE j.kind = 'job' AND j.namespace = $1 AND j.name = $2 AND d.kind = 'dataset' AND d.namespace = $3 AND d.name = $4
                ON CONFLICT DO NOTHING
                """, jobNamespace, jobName, ns, name, runId);
        }
    }

    private static Task AddJobAsync(CatalogWebFactory factory, string @namespace, string name, string owner, string platform) =>
        factory.ExecuteAsync("""
            WITH e AS (INSERT INTO entities (kind, namespace, name, owner_ref, platform) VALUES ('job', $1, $2, $3, $4)
                       ON CONFLICT (kind, namespace, name) DO UPDATE SET owner_ref = excluded.owner_ref RETURNING id)
            INSERT INTO jobs (entity_id) SELECT id FROM e ON CONFLICT DO NOTHING
            """, @namespace, name, owner, platform);
}
