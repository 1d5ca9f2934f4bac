using System.Text.Json;
using Catalog.Testing;

namespace Catalog.Web.Tests.Health;

/// <summary>
/// Facts from real corpus files, put in the catalog as the dbt and Great Expectations harvesters will (stand-in
/// until the harvest engine lands on main): dbt run_results results as runs, GE expectation results as quality results.
/// </summary>
public static class HealthCorpusRows
{
    /// <summary>Each dbt result a job run; a result without timing ran until generated_at for its execution_time.</summary>
    public static async Task LoadDbtRunResultsAsync(CatalogWebFactory factory, string @namespace, string owner, params string[] path)
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Corpus.Path(path)));
        var generatedAt = DateTimeOffset.Parse(json.RootElement.GetProperty("metadata").GetProperty("generated_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var result in json.RootElement.GetProperty("results").EnumerateArray())
        {
            var status = result.GetProperty("status").GetString();
            if (status == "skipped") continue;
            var model = result.GetProperty("unique_id").GetString()!;
            var timing = result.GetProperty("timing");
            var ended = timing.GetArrayLength() > 0 ? DateTimeOffset.Parse(timing[timing.GetArrayLength() - 1].GetProperty("completed_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture) : generatedAt;
            var started = timing.GetArrayLength() > 0 ? DateTimeOffset.Parse(timing[0].GetProperty("started_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                : ended - TimeSpan.FromSeconds(result.GetProperty("execution_time").GetDouble());
            await factory.ExecuteAsync("""
                WITH e AS (INSERT INTO entities (kind, namespace, name, owner_ref, platform) VALUES ('job', $1, $2, $3, 'bigquery')
                           ON CONFLICT (kind, namespace, name) DO UPDATE SET owner_ref = excluded.owner_ref RETURNING id)
                INSERT INTO jobs (entity_id) SELECT id FROM e ON CONFLICT DO NOTHING
                """, @namespace, model, owner);
            await factory.ExecuteAsync("""
                INSERT INTO runs (id, job_id, state, started_at, ended_at, error_message)
                SELECT md5($2 || $3::text)::uuid, id, $4, $3, $5, $6 FROM entities WHERE kind = 'job' AND namespace = $1 AND name = $2
                ON CONFLICT (id) DO NOTHING
                """, @namespace, model, started, status == "success" ? "completed" : "failed", ended,
                result.GetProperty("message").ValueKind == JsonValueKind.String ? result.GetProperty("message").GetString()! : DBNull.Value);
        }
    }

    /// <summary>A Great Expectations validation result: each expectation a quality result of the dataset it validated.</summary>
    public static async Task LoadGreatExpectationsAsync(CatalogWebFactory factory, string @namespace, string dataset, string owner, params string[] path)
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Corpus.Path(path)));
        var runTime = json.RootElement.GetProperty("meta").GetProperty("run_id").GetProperty("run_time").GetString()!;
        await factory.ExecuteAsync("""
            WITH e AS (INSERT INTO entities (kind, namespace, name, owner_ref) VALUES ('dataset', $1, $2, $3)
                       ON CONFLICT (kind, namespace, name) DO UPDATE SET owner_ref = excluded.owner_ref RETURNING id)
            INSERT INTO datasets (entity_id) SELECT id FROM e ON CONFLICT DO NOTHING
            """, @namespace, dataset, owner);
        foreach (var result in json.RootElement.GetProperty("results").EnumerateArray())
        {
            var config = result.GetProperty("expectation_config");
            var column = config.GetProperty("kwargs").TryGetProperty("column", out var c) ? c.GetString() : null;
            var check = config.GetProperty("expectation_type").GetString() + (column is null ? "" : "(" + column + ")");
            await factory.ExecuteAsync("""
                INSERT INTO quality_results (dataset_id, check_name, column_name, framework, status, executed_at)
                SELECT id, $3, $4, 'great_expectations', $5, $6::timestamptz FROM entities WHERE kind = 'dataset' AND namespace = $1 AND name = $2
                ON CONFLICT DO NOTHING
                """, @namespace, dataset, check, (object?)column ?? DBNull.Value, result.GetProperty("success").GetBoolean() ? "passed" : "failed", runTime);
        }
    }
}
