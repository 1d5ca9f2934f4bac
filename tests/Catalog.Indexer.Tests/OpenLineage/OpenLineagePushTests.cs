using System.Text.Json;
using Catalog.Indexer.Tests.Harvesting;
using Catalog.Plugins.Harvesting;
using Catalog.Plugins.OpenLineage.Files;
using Catalog.Plugins.OpenLineage.Parsing;
using Catalog.Testing;

namespace Catalog.Indexer.Tests.OpenLineage;

public sealed class OpenLineagePushTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    [Fact]
    public async Task A_dbt_structured_log_fail_event_gives_a_failed_run_ended_at_its_event_time()
    {
        // The last event dbt emitted in structured_logs/postgres/test: the whole dbt run failed.
        var events = JsonDocument.Parse(await File.ReadAllBytesAsync(Corpus.Path("openlineage", "expected-templates", "dbt", "structured_logs", "postgres", "test", "results", "test_ol_events.json")));
        var fail = events.RootElement.EnumerateArray().Last();
        Assert.Equal("FAIL", fail.GetProperty("eventType").GetString());
        // The file is dbt's test expectation: its runId is the matcher "{{ any(result) }}", rejected as a template.
        // A real producer sends a UUID there; the rest of the event is what dbt emitted.
        var real = System.Text.Json.Nodes.JsonNode.Parse(fail.GetRawText())!;
        real["run"]!["runId"] = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

        var result = await IngestAsync("dbt-fail", System.Text.Encoding.UTF8.GetBytes(real.ToJsonString()));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal("failed|2024-12-17 10:03:24.864228", await db.ScalarAsync<string>("""
            SELECT r.state || '|' || to_char(r.ended_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM runs r JOIN entities j ON j.id = r.job_id
            WHERE j.ref = 'job:dbt-test-namespace:dbt-run-jaffle_shop'
            """));
        Assert.Equal("BATCH/DBT/JOB", await db.ScalarAsync<string>(
            "SELECT job_type FROM jobs j JOIN entities e ON e.id = j.entity_id WHERE e.ref = 'job:dbt-test-namespace:dbt-run-jaffle_shop'"));
    }

    [Fact]
    public async Task A_dataset_event_describes_a_dataset_without_any_run()
    {
        var bytes = await File.ReadAllBytesAsync(Corpus.Path("openlineage", "events", "marquez", "open_lineage", "event_dataset_event.json"));
        var dataset = JsonDocument.Parse(bytes).RootElement.GetProperty("dataset");
        var runsBefore = await db.ScalarAsync<long>("SELECT count(*) FROM runs");

        var result = await IngestAsync("dataset-event", bytes);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var reference = $"dataset:{dataset.GetProperty("namespace").GetString()}:{dataset.GetProperty("name").GetString()}";
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE ref = $1", reference));
        Assert.Equal(runsBefore, await db.ScalarAsync<long>("SELECT count(*) FROM runs"));
    }

    [Fact]
    public async Task A_lifecycle_drop_marks_the_dataset_deleted()
    {
        const string Drop = """
            {"eventType":"COMPLETE","eventTime":"2024-01-01T00:00:00Z","run":{"runId":"0b1c7f3e-7d1e-4c6e-9f55-2a8f1d3c9e01"},
             "job":{"namespace":"ns","name":"dropper"},
             "outputs":[{"namespace":"ns","name":"old_table","facets":{"lifecycleStateChange":{"lifecycleStateChange":"DROP"}}}]}
            """;

        var result = await IngestAsync("drop", System.Text.Encoding.UTF8.GetBytes(Drop));

        Assert.True(result.Succeeded);
        Assert.Equal("deleted", await db.ScalarAsync<string>("SELECT lifecycle FROM entities WHERE ref = 'dataset:ns:old_table'"));
    }

    [Fact]
    public async Task Unknown_facets_are_kept_verbatim_on_the_entity()
    {
        var bytes = await File.ReadAllBytesAsync(Corpus.Path("openlineage", "events", "marquez", "open_lineage", "event_additional_facet.json"));

        var result = await IngestAsync("custom-facet", bytes);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var facets = await db.ColumnAsync("SELECT jsonb_object_keys(facets) FROM entities WHERE facets <> '{}'::jsonb");
        Assert.NotEmpty(facets);
    }

    [Theory]
    [InlineData("tokyo_daily", "Asia/Tokyo", "15:00", "2026-11-21")]             // local midnight = 15:00 UTC the day before
    [InlineData("stockholm_daily", "Europe/Stockholm", "23:00", "2026-11-21")]
    [InlineData("unscheduled_daily", null, "15:00", "2026-11-20")]                // no schedule: the date the producer wrote
    [InlineData("unknown_zone_daily", "Mars/Olympus_Mons", "15:00", "2026-11-20")] // a zone PostgreSQL does not know: kept
    public async Task A_daily_partition_written_in_UTC_is_keyed_by_the_local_date_of_its_jobs_schedule(string job, string? zone, string utcStart, string expectedKey)
    {
        if (zone is not null)
            await db.ScalarAsync<int>($"""
                WITH e AS (INSERT INTO entities (kind, namespace, name) VALUES ('job', 'scheduler', '{job}') RETURNING id)
                INSERT INTO jobs (entity_id, schedule_kind, time_zone) SELECT id, 'daily', '{zone}' FROM e RETURNING 1
                """);
        // The nominal period of the run that wrote the 2026-11-21 partition, as producers write it: in UTC.
        var start = $"2026-11-20T{utcStart}:00Z";
        var end = $"2026-11-21T{utcStart}:00Z";
        var body = "{\"eventType\":\"COMPLETE\",\"eventTime\":\"2026-11-21T02:00:00Z\",\"run\":{\"runId\":\"" + Guid.NewGuid() + "\"," +
            "\"facets\":{\"nominalTime\":{\"nominalStartTime\":\"" + start + "\",\"nominalEndTime\":\"" + end + "\"}}}," +
            "\"job\":{\"namespace\":\"scheduler\",\"name\":\"" + job + "\"}," +
            "\"outputs\":[{\"namespace\":\"warehouse\",\"name\":\"" + job + "_out\",\"outputFacets\":{\"outputStatistics\":{\"rowCount\":10,\"size\":100}}}]}";

        var result = await IngestAsync(job, System.Text.Encoding.UTF8.GetBytes(body));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(expectedKey, await db.ScalarAsync<string>(
            "SELECT p.partition_key FROM partitions p JOIN entities e ON e.id = p.dataset_id WHERE e.ref = $1", $"dataset:warehouse:{job}_out"));
    }

    [Theory]
    [InlineData("stockholm_spring", "2027-03-27T23:00:00Z", "2027-03-28T22:00:00Z", "2027-03-28")] // a 23-hour local day
    [InlineData("stockholm_autumn", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z", "2026-10-25")] // a 25-hour local day
    public async Task A_local_day_across_a_daylight_saving_change_is_still_a_daily_partition(string job, string start, string end, string expectedKey)
    {
        await db.ScalarAsync<int>($"""
            WITH e AS (INSERT INTO entities (kind, namespace, name) VALUES ('job', 'scheduler', '{job}') RETURNING id)
            INSERT INTO jobs (entity_id, schedule_kind, time_zone) SELECT id, 'daily', 'Europe/Stockholm' FROM e RETURNING 1
            """);
        var body = "{\"eventType\":\"COMPLETE\",\"eventTime\":\"" + end + "\",\"run\":{\"runId\":\"" + Guid.NewGuid() + "\"," +
            "\"facets\":{\"nominalTime\":{\"nominalStartTime\":\"" + start + "\",\"nominalEndTime\":\"" + end + "\"}}}," +
            "\"job\":{\"namespace\":\"scheduler\",\"name\":\"" + job + "\"}," +
            "\"outputs\":[{\"namespace\":\"warehouse\",\"name\":\"" + job + "_out\",\"outputFacets\":{\"outputStatistics\":{\"rowCount\":10,\"size\":100}}}]}";

        var result = await IngestAsync(job, System.Text.Encoding.UTF8.GetBytes(body));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal($"{expectedKey} daily", await db.ScalarAsync<string>(
            "SELECT p.partition_key || ' ' || p.granularity FROM partitions p JOIN entities e ON e.id = p.dataset_id WHERE e.ref = $1", $"dataset:warehouse:{job}_out"));
    }

    [Fact]
    public async Task A_template_line_is_rejected_and_the_real_events_of_the_same_file_still_land()
    {
        var text = """
            {"eventType":"START","eventTime":"2024-01-01T00:00:00Z","run":{"runId":"{{ any(result) }}"},"job":{"namespace":"templated","name":"ghost"}}
            {"eventType":"START","eventTime":"2024-01-01T00:00:00Z","run":{"runId":"7d0c1e52-2b0e-4b8a-9d55-0f3c2a1b4e6d"},"job":{"namespace":"real","name":"job_${json-unit.any-string}"}}
            {"eventType":"COMPLETE","eventTime":"2024-01-01T01:00:00Z","run":{"runId":"2f4d6b8a-1c3e-4a5b-8d7f-9e0a1b2c3d4e"},"job":{"namespace":"real","name":"nightly"}}
            """;

        var result = await IngestAsync("templates.jsonl", System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Equal(Catalog.Harvesting.BatchStatus.AppliedWithErrors, result.Status);
        Assert.Contains(result.Errors, e => e.Position == "line 1" && e.Reason == "$.run.runId: template placeholder, not a real event: '{{ any(result) }}' at character 1");
        Assert.Contains(result.Errors, e => e.Position == "line 2" && e.Reason == "$.job.name: template placeholder, not a real event: '${json-unit.any-string}' at character 5");
        Assert.Equal(["job:real:nightly"], await db.ColumnAsync("SELECT ref FROM entities WHERE namespace IN ('templated', 'real') ORDER BY ref"));
    }

    private Task<Catalog.Harvesting.IngestResult> IngestAsync(string name, byte[] bytes) =>
        db.Engine().IngestAsync("openlineage", new HarvestInput($"test/{name}", bytes) { Mode = HarvestMode.Delta },
            async (batch, ct) => await EventBatchReader.ReadAsync(batch.Input, batch, ct), CancellationToken.None);
}

public sealed class OpenLineageParserTests
{
    [Fact]
    public void A_non_uuid_run_id_is_mapped_like_javas_name_uuid_from_bytes()
    {
        // Java: UUID.nameUUIDFromBytes("run_id".getBytes()) — an MD5 version-3 UUID.
        var id = RunIds.FromOpenLineage("run_id");
        Assert.Equal(3, id.Version);
        Assert.Equal(id, RunIds.FromOpenLineage("run_id"));
        Assert.Equal(Guid.Parse("4d3b8069-69b6-4708-ade0-3275112c9f04"), RunIds.FromOpenLineage("4d3b8069-69b6-4708-ade0-3275112c9f04"));
    }

    [Fact]
    public void A_run_id_of_the_wrong_type_is_rejected_naming_its_path()
    {
        using var document = JsonDocument.Parse("""{"eventType":"START","eventTime":"2024-01-01T00:00:00Z","run":{"runId":42},"job":{"namespace":"n","name":"j"}}""");

        var parsed = OpenLineageParser.Parse(document.RootElement);

        Assert.False(parsed.Usable);
        Assert.Contains(("$.run.runId", "expected a string, got a number"), parsed.Problems);
    }

    [Fact]
    public void Times_with_nanoseconds_or_no_zone_are_read_as_utc()
    {
        using var document = JsonDocument.Parse("""{"eventType":"COMPLETE","eventTime":"2021-11-03T10:53:52.427343123","run":{"runId":"r"},"job":{"namespace":"n","name":"j"}}""");

        var parsed = OpenLineageParser.Parse(document.RootElement);

        var run = Assert.Single(parsed.Items.OfType<RunObserved>()).Run;
        Assert.Equal(new DateTimeOffset(2021, 11, 3, 10, 53, 52, TimeSpan.Zero).AddTicks(4273431), run.EndedAt);
    }

    [Theory]
    [InlineData("""{"eventTime":"${json-unit.any-string}","eventType":"START","run":{"runId":"0b1c7f3e-7d1e-4c6e-9f55-2a8f1d3c9e01"},"job":{"namespace":"n","name":"j"}}""", "$.eventTime", "'${json-unit.any-string}' at character 1")]
    [InlineData("""{"eventTime":"2024-01-01T00:00:00Z","dataset":{"namespace":"{{ env_var('NS') }}","name":"t"}}""", "$.dataset.namespace", "'{{ env_var('NS') }}' at character 1")]
    [InlineData("""{"eventTime":"2024-01-01T00:00:00Z","job":{"namespace":"n","name":"j"},"outputs":[{"namespace":"s3://b","name":"out/{{ ds }}/x"}]}""", "$.outputs[0].name", "'{{ ds }}' at character 5")]
    public void A_placeholder_in_an_identifying_field_rejects_the_event_as_a_template(string json, string path, string where)
    {
        using var document = JsonDocument.Parse(json);

        var parsed = OpenLineageParser.Parse(document.RootElement);

        Assert.False(parsed.Usable);
        Assert.Contains((path, $"template placeholder, not a real event: {where}"), parsed.Problems);
    }

    [Theory]
    [InlineData("""{"job":{"namespace":"n","name":"j"},"outputs":[{"namespace":"n","name":"t"}]}""", "is required (OpenLineage BaseEvent): expected an ISO-8601 date-time")]
    [InlineData("""{"eventTime":"yesterday","job":{"namespace":"n","name":"j"}}""", "expected an ISO-8601 date-time, got 'yesterday'")]
    [InlineData("""{"dataset":{"namespace":"n","name":"t"}}""", "is required (OpenLineage BaseEvent): expected an ISO-8601 date-time")]
    [InlineData("""{"eventType":"START","run":{"runId":"r"},"job":{"namespace":"n","name":"j"}}""", "is required (OpenLineage BaseEvent): expected an ISO-8601 date-time")]
    public void An_event_without_a_readable_event_time_is_rejected_naming_the_field(string json, string message)
    {
        using var document = JsonDocument.Parse(json);

        var parsed = OpenLineageParser.Parse(document.RootElement);

        Assert.False(parsed.Usable);
        Assert.Empty(parsed.Items);
        Assert.Contains(("$.eventTime", message), parsed.Problems);
    }

    [Fact]
    public void A_job_event_dates_its_datasets_by_its_event_time()
    {
        using var document = JsonDocument.Parse("""
            {"eventTime":"2024-03-04T05:06:07Z","job":{"namespace":"n","name":"j"},
             "inputs":[{"namespace":"n","name":"t","inputFacets":{"dataQualityAssertions":{"assertions":[{"assertion":"not_null","success":true}]}}}]}
            """);

        var parsed = OpenLineageParser.Parse(document.RootElement);

        Assert.True(parsed.Usable, parsed.Describe());
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.Zero), Assert.Single(parsed.Items.OfType<QualityResultFound>()).Result.ExecutedAt);
    }

    [Fact]
    public void An_ndjson_file_with_a_broken_line_reports_the_line_and_keeps_the_others()
    {
        var text = """
            {"eventType":"START","eventTime":"2024-01-01T00:00:00Z","run":{"runId":"a"},"job":{"namespace":"n","name":"j"}}
            {"eventType": broken
            {"eventType":"COMPLETE","eventTime":"2024-01-01T01:00:00Z","run":{"runId":"a"},"job":{"namespace":"n","name":"j"}}
            """;

        var split = EventSplitter.Split(System.Text.Encoding.UTF8.GetBytes(text), "x.jsonl");

        Assert.Equal(["line 1", "line 3"], split.Where(s => s.Event is not null).Select(s => s.Position));
        Assert.StartsWith("line 2, column", split.Single(s => s.Event is null).Position, StringComparison.Ordinal);
    }
}
