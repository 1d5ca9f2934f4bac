using System.Net;
using System.Text;
using System.Text.Json;
using Catalog.Testing;
using Npgsql;

namespace Catalog.Web.Tests.OpenLineage;

public sealed class LineageEndpointTests(CatalogWebFactory factory) : IClassFixture<CatalogWebFactory>
{
    [Fact]
    public async Task A_real_marquez_event_is_accepted_with_201_and_its_raw_body_is_stored()
    {
        var body = await File.ReadAllBytesAsync(Corpus.Path("openlineage", "events", "marquez", "open_lineage", "event_full.json"));
        using var client = await factory.CreateIngestClientAsync();

        var response = await client.PostAsync("/api/v1/lineage", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var job = JsonDocument.Parse(body).RootElement.GetProperty("job");
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM entities WHERE ref = $1", $"job:{job.GetProperty("namespace").GetString()}:{job.GetProperty("name").GetString()}"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM raw_inputs WHERE harvester = 'openlineage' AND status = 'processed' AND payload = $1", body));
    }

    [Fact]
    public async Task An_event_without_a_run_id_gets_400_naming_the_json_path_and_is_kept_as_failed()
    {
        var body = await File.ReadAllBytesAsync(Corpus.Path("openlineage", "events", "openlineage-repo", "fluentd-proxy", "event_no_run_id.json"));
        using var client = await factory.CreateIngestClientAsync();

        var response = await client.PostAsync("/api/v1/lineage", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("$.run.runId", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM raw_inputs WHERE status = 'failed' AND payload = $1", body));
    }

    [Fact]
    public async Task A_pushed_test_template_gets_400_saying_it_is_a_placeholder_not_an_event()
    {
        // Flink's expected Kafka event: runId and eventTime are JsonUnit matchers.
        var body = await File.ReadAllBytesAsync(Corpus.Path("openlineage", "expected-templates", "flink", "flink1", "expected_kafka.json"));
        using var client = await factory.CreateIngestClientAsync();

        var response = await client.PostAsync("/api/v1/lineage", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("$.eventTime: template placeholder, not a real event: '${json-unit.any-string}' at character 1", errors);
        Assert.Contains("$.run.runId: template placeholder, not a real event: '${json-unit.any-string}' at character 1", errors);
    }

    [Fact]
    public async Task A_job_event_without_an_event_time_gets_400_naming_the_field()
    {
        var body = """{"job":{"namespace":"spark","name":"no_time"},"outputs":[{"namespace":"s3","name":"out"}]}"""u8.ToArray();
        using var client = await factory.CreateIngestClientAsync();

        var response = await client.PostAsync("/api/v1/lineage", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.eventTime: is required", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM entities WHERE ref = $1", "job:spark:no_time"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_400_with_line_and_column()
    {
        using var client = await factory.CreateIngestClientAsync();

        var response = await client.PostAsync("/api/v1/lineage", new StringContent("{\"eventType\": START}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetString()!.StartsWith("line 1, column", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_push_without_a_token_is_refused_and_nothing_is_stored()
    {
        var body = await File.ReadAllBytesAsync(Corpus.Path("openlineage", "events", "marquez", "open_lineage", "event_full.json"));
        using var anonymous = factory.CreateClient();
        var before = await ScalarAsync("SELECT count(*) FROM raw_inputs WHERE payload = $1", body);

        var response = await anonymous.PostAsync("/api/v1/lineage", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await ScalarAsync("SELECT count(*) FROM raw_inputs WHERE payload = $1", body));
    }

    private async Task<long> ScalarAsync(string sql, object parameter)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(parameter);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
