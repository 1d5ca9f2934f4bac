using System.Net;
using System.Text;

namespace Catalog.Web.Tests.Resilience;

/// <summary>PostgreSQL stopping and starting under a running portal: clear 503s while it is down, recovery without a portal restart.</summary>
public sealed class DatabaseRestartTests(PrivateClusterWebFactory factory) : IClassFixture<PrivateClusterWebFactory>
{
    private const string Event = """
        {"eventType":"COMPLETE","eventTime":"2024-05-01T10:00:00Z","producer":"https://example.com/resilience",
         "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent",
         "run":{"runId":"3f5e8a52-6a3b-4cf7-9a6e-0d6c2b7d1a01"},"job":{"namespace":"resilience","name":"nightly_load"},
         "inputs":[{"namespace":"resilience","name":"raw.plays"}],"outputs":[{"namespace":"resilience","name":"clean.plays"}]}
        """;

    [Fact]
    public async Task While_PostgreSQL_is_down_requests_get_503_problem_details_and_after_it_restarts_the_same_portal_serves_again()
    {
        var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60); // a hang fails the test instead of stalling the suite
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/entities?ref=dataset:resilience:none")).StatusCode);

        await factory.StopDatabaseAsync();
        try
        {
            foreach (var path in new[] { "/", "/api/entities?ref=dataset:resilience:raw.plays", "/search?q=plays", "/entity/dataset/resilience/raw.plays" })
            {
                var down = await client.GetAsync(path);
                Assert.True(down.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {(int)down.StatusCode} {await down.Content.ReadAsStringAsync()}");
                Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
                Assert.Contains("database is unavailable", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.True(down.Headers.RetryAfter is not null, path);
            }
            var ingest = await client.PostAsync("/api/v1/lineage", new StringContent(Event, Encoding.UTF8, "application/json"));
            Assert.True((int)ingest.StatusCode == 503, $"ingest while down: {(int)ingest.StatusCode} {await ingest.Content.ReadAsStringAsync()}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            await factory.StartDatabaseAsync();
        }

        var accepted = await client.PostAsync("/api/v1/lineage", new StringContent(Event, Encoding.UTF8, "application/json"));
        Assert.True(accepted.StatusCode == HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/entities?ref=dataset:resilience:clean.plays")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
