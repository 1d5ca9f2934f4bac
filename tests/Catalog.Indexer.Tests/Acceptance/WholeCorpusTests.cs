using Catalog.Harvesting;
using Catalog.Testing;

namespace Catalog.Indexer.Tests.Acceptance;

public sealed class WholeCorpusTests(WholeCorpusFixture corpus) : IClassFixture<WholeCorpusFixture>
{
    private static readonly Dictionary<string, string[]> Extensions = new()
    {
        ["openlineage"] = [".json", ".jsonl", ".ndjson"],
        ["avro"] = [".avsc", ".avpr", ".avdl"],
        ["descriptors"] = [".yaml", ".yml"],
        ["great_expectations"] = [".json"],
    };

    [Fact]
    public async Task No_harvester_crashes_on_any_corpus_folder_and_no_batch_is_rolled_back_by_an_unexpected_error()
    {
        Assert.Equal(WholeCorpusFixture.Sources.Length, corpus.Runs.Count);
        Assert.All(corpus.Runs.Values, run => Assert.True(run.InputsSeen > run.InputsFailed, $"{run.Harvester}: nothing landed ({run.Describe()})"));
        var unexpected = await corpus.Db.ColumnAsync("""
            SELECT harvester || ' ' || location || ': ' || reason FROM harvest_errors
            WHERE reason LIKE 'the harvester stopped with an unexpected error%' OR reason LIKE 'processing stopped with an unexpected error%'
               OR reason LIKE 'the batch could not be applied%' OR reason LIKE 'the harvester abandoned this input%'
            """);
        Assert.Empty(unexpected);
    }

    [Theory]
    [InlineData("openlineage", "openlineage")]
    [InlineData("avro", "avro")]
    [InlineData("descriptors", "backstage")]
    [InlineData("great_expectations", "great_expectations")]
    public async Task Every_corpus_file_is_either_ingested_or_reported_with_a_reason(string kind, string folder)
    {
        var root = Corpus.Path(folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Extensions[kind].Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Select(Path.GetFullPath).ToList();
        var accounted = (await corpus.Db.ColumnAsync("SELECT location FROM harvest_inputs WHERE harvester = $1 UNION SELECT location FROM harvest_errors WHERE harvester = $1", kind)).ToHashSet();

        // Inputs are keyed by absolute path; descriptor errors name the path from the harvest root (it reads better).
        Assert.Equal([], files.Where(f => !accounted.Contains(f) && !accounted.Contains(Path.GetRelativePath(root, f).Replace('\\', '/'))).ToList());
        var failedWithoutReason = await corpus.Db.ColumnAsync("""
            SELECT i.location FROM harvest_inputs i WHERE i.harvester = $1 AND i.status = 'failed'
              AND NOT EXISTS (SELECT 1 FROM harvest_errors e WHERE e.harvester = i.harvester AND e.location = i.location AND length(e.reason) > 10)
            """, kind);
        Assert.Empty(failedWithoutReason);
    }

    [Fact]
    public async Task Every_dbt_artifact_is_either_ingested_or_reported()
    {
        var artifacts = Catalog.Plugins.Dbt.DbtHarvester.Discover(Corpus.Path("dbt"))!.Select(a => a.Path).ToList();
        var accounted = (await corpus.Db.ColumnAsync("SELECT location FROM harvest_inputs WHERE harvester = 'dbt' UNION SELECT location FROM harvest_errors WHERE harvester = 'dbt'")).ToHashSet();

        Assert.True(artifacts.Count > 50);
        Assert.Equal([], artifacts.Where(a => !accounted.Contains(a)).ToList());
    }

    [Fact]
    public async Task Json_syntax_errors_name_their_line_and_column()
    {
        var positions = await corpus.Db.ColumnAsync("SELECT coalesce(position, '<none>') FROM harvest_errors WHERE reason LIKE 'not valid JSON%'");

        Assert.All(positions, p => Assert.Matches(@"line \d+", p));
    }

    [Fact]
    public async Task Each_source_lands_its_concrete_facts_in_the_one_database()
    {
        var db = corpus.Db;
        // dbt (jaffle_shop): a model's column.
        Assert.True(await db.ScalarAsync<long>("""
            SELECT count(*) FROM dataset_fields f JOIN entities e ON e.id = f.entity_id
            WHERE e.ref = 'dataset:bigquery:your-project.jaffle_shop.customers' AND f.name = 'first_name'
            """) == 1);
        // Avro: the Customer event type with a version.
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM schema_versions s JOIN entities e ON e.id = s.entity_id WHERE e.ref = 'event-type:examples:Customer'") >= 1);
        // Backstage: podcast-api is owned by team-b, which is a real (declared) group, member of the org tree.
        Assert.Equal("group:default:team-b", await db.ScalarAsync<string>("SELECT owner_ref FROM entities WHERE ref = 'component:default:podcast-api'"));
        Assert.NotNull(await db.ScalarAsync<string>("SELECT source_location FROM entities WHERE ref = 'group:default:team-b'"));
        // Great Expectations: the titanic expectations that raised exceptions are errored outcomes.
        Assert.Equal(4L, await db.ScalarAsync<long>("""
            SELECT count(DISTINCT q.check_name) FROM quality_results q JOIN entities e ON e.id = q.dataset_id
            WHERE e.ref = 'dataset:great_expectations:titanic' AND q.status = 'errored'
            """));
        // OpenLineage (Marquez seed): food_delivery jobs read and write datasets.
        Assert.True(await db.ScalarAsync<long>("""
            SELECT count(*) FROM lineage_edges l JOIN entities j ON j.id = l.to_id WHERE j.kind = 'job' AND j.namespace = 'food_delivery'
            """) > 0);
        // Across sources: lineage from dbt and OpenLineage, owners from descriptors and quality from GE all in one graph.
        Assert.Equal(["component", "dataset", "event-type", "group", "job"], (await db.ColumnAsync("""
            SELECT DISTINCT kind FROM entities WHERE kind IN ('component', 'dataset', 'event-type', 'group', 'job') ORDER BY kind
            """)));
    }
}
