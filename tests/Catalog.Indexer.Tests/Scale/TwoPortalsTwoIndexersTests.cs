using System.Net;
using System.Text;
using Npgsql;

namespace Catalog.Indexer.Tests.Scale;

/// <summary>
/// Two portals and two indexer processes on one database at once: the indexers harvest the same folder while
/// producers post events through both portals. Nothing is applied twice or lost, and both portals answer search and
/// lineage the same way.
/// </summary>
public sealed class TwoPortalsTwoIndexersTests
{
    private const int Jobs = 20;
    private static string Events => Corpus.Path("openlineage", "events");

    [Fact]
    public async Task Two_indexers_and_two_portals_on_one_database_apply_every_input_once_and_answer_alike()
    {
        var shared = await PostgresServer.CreateDatabaseAsync("shared");
        await using var db = NpgsqlDataSource.Create(shared);
        await using var first = new SharedDatabasePortal(shared);
        await using var second = new SharedDatabasePortal(shared);
        var clients = new[] { first.CreateClient(), second.CreateClient() };

        var indexers = new[] { GeneratedCatalog.RunIndexerAsync(shared, "harvest", "openlineage", Events), GeneratedCatalog.RunIndexerAsync(shared, "harvest", "openlineage", Events) };
        var posts = Enumerable.Range(0, Jobs * 2).Select(i => clients[i % 2].PostAsync("/api/v1/lineage",
            new StringContent(Event(i / 2, complete: i % 2 == 1), Encoding.UTF8, "application/json"))).ToArray();
        var responses = await Task.WhenAll(posts);
        foreach (var (exitCode, output) in await Task.WhenAll(indexers)) Assert.True(exitCode is 0 or 1, output);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(0, await ScalarAsync(db, "SELECT count(*) FROM harvest_runs WHERE status = 'running'"));
        Assert.Equal(0, await ScalarAsync(db, "SELECT count(*) FROM raw_inputs WHERE status = 'pending'"));
        // Posted work: every run landed once, in its final state; every job wrote its output.
        Assert.Equal(Jobs, await ScalarAsync(db, "SELECT count(*) FROM runs r JOIN entities j ON j.id = r.job_id WHERE j.namespace = 'loadtest' AND r.state = 'completed'"));
        Assert.Equal(Jobs * 3, await ScalarAsync(db, "SELECT count(*) FROM lineage_edges l JOIN entities j ON j.id IN (l.from_id, l.to_id) WHERE j.kind = 'job' AND j.namespace = 'loadtest'"));

        // Harvested work: exactly what one indexer alone produces.
        var alone = await PostgresServer.CreateDatabaseAsync("alone");
        await GeneratedCatalog.RunIndexerAsync(alone, "harvest", "openlineage", Events);
        await using var reference = NpgsqlDataSource.Create(alone);
        foreach (var sql in new[]
        {
            "SELECT count(*) FROM entities WHERE namespace <> 'loadtest'",
            "SELECT count(*) FROM dataset_fields f JOIN entities e ON e.id = f.entity_id WHERE e.namespace <> 'loadtest'",
            "SELECT count(*) FROM lineage_edges l JOIN entities a ON a.id = l.from_id JOIN entities b ON b.id = l.to_id WHERE 'loadtest' NOT IN (a.namespace, b.namespace)",
            "SELECT count(*) FROM column_lineage_edges",
            "SELECT count(*) FROM runs r JOIN entities j ON j.id = r.job_id WHERE j.namespace <> 'loadtest'",
            "SELECT count(*) FROM harvest_inputs WHERE location NOT LIKE 'api/%'",
        })
            Assert.True(await ScalarAsync(reference, sql) == await ScalarAsync(db, sql), $"differs from one indexer alone: {sql}");

        foreach (var (path, expected) in new[] { ("/api/search?q=out_7", "out_7"), ($"/api/v1/lineage?nodeId={Uri.EscapeDataString("dataset:loadtest:out_7")}&depth=2", "job_07") })
        {
            var answers = await Task.WhenAll(clients.Select(c => EventuallyAsync(c, path, expected)));
            Assert.Equal(answers[0], answers[1]);
        }
    }

    // Both portals may serve lineage from an in-memory snapshot that refreshes from changed rows: wait (bounded) for it.
    private static async Task<string> EventuallyAsync(HttpClient client, string path, string expected)
    {
        var body = "";
        for (var attempt = 0; attempt < 50 && !body.Contains(expected, StringComparison.Ordinal); attempt++)
        {
            if (attempt > 0) await Task.Delay(200);
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            body = await response.Content.ReadAsStringAsync();
        }
        Assert.Contains(expected, body, StringComparison.Ordinal);
        return body;
    }

    private static string Event(int job, bool complete) => $$"""
        {"eventType":"{{(complete ? "COMPLETE" : "START")}}","eventTime":"2026-11-21T10:{{job:D2}}:{{(complete ? 30 : 0):D2}}Z",
         "producer":"https://example.com/two-portals","schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent",
         "run":{"runId":"00000000-0000-4000-8000-{{job:D12}}"},"job":{"namespace":"loadtest","name":"job_{{job:D2}}"},
         "inputs":[{"namespace":"loadtest","name":"in_{{job}}_a"},{"namespace":"loadtest","name":"in_{{job}}_b"}],
         "outputs":[{"namespace":"loadtest","name":"out_{{job}}"}]}
        """;

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
