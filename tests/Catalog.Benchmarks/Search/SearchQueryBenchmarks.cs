using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Catalog.Plugins.Search;
using Catalog.Plugins.Search.Engine;
using Catalog.Plugins.Search.Postgres;
using Catalog.Plugins.Security;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Benchmarks.Search;

/// <summary>
/// Latency of one search (first page, 20 hits) on a generated catalog of 1,000,000 entities. One iteration = one
/// query, rotating through 50 seeded queries of the case's kind, so Median/P95 are per-query latencies.
/// Run: dotnet run -c Release --project tests/Catalog.Benchmarks -- --filter '*SearchQueryBenchmarks*'
/// </summary>
[Config(typeof(PerQueryConfig))]
public class SearchQueryBenchmarks
{
    private sealed class PerQueryConfig : ManualConfig
    {
        public PerQueryConfig()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(10)
                .WithIterationCount(200).WithInvocationCount(1).WithUnrollFactor(1)
                // In process: the generated database is shared by every case; no per-case child build is needed.
                .WithToolchain(new BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain(TimeSpan.FromHours(3), logOutput: true)));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
        }
    }

    [Params("name", "multi-word", "typo", "faceted", "filtered", "suggest")]
    public string Case { get; set; } = "name";

    private NpgsqlDataSource dataSource = null!;
    private PostgresSearchEngine engine = null!;
    private SearchRequest[] requests = [];
    private int next;

    private static readonly CatalogPrincipal Viewer = new("user:default:bench", new HashSet<string> { "group:default:team-7" }, new HashSet<string> { CatalogRoles.Viewer });

    [GlobalSetup]
    public void Setup()
    {
        dataSource = SearchBenchmarkDatabase.OpenAsync().GetAwaiter().GetResult();
        engine = new PostgresSearchEngine(dataSource, Options.Create(new SearchOptions()), new SearchDocumentWriter(dataSource, []));
        var generator = new SearchCatalogGenerator(SearchBenchmarkDatabase.Entities);
        var random = new Random(7);
        requests = Enumerable.Range(0, 50).Select(_ => Build(generator, random)).ToArray();
    }

    private SearchRequest Build(SearchCatalogGenerator generator, Random random)
    {
        var name = generator.NameOf(random.Next(SearchBenchmarkDatabase.Entities) / 5 * 5); // a dataset's exact name
        var word = generator.Words[random.Next(200)];
        return Case switch
        {
            "name" => SearchRequest.Parse(name) with { IncludeFacets = false },
            "multi-word" => SearchRequest.Parse($"{word} {generator.Words[random.Next(400)]} {generator.Words[random.Next(1000)]}") with { IncludeFacets = false },
            "typo" => SearchRequest.Parse(Typo(generator.Words[random.Next(10, 1000)], random)) with { IncludeFacets = false },
            "faceted" => SearchRequest.Parse(word),
            // What the search box sends while a name (or its part after the namespace) is typed: 2 to 6 characters.
            "suggest" => SearchRequest.Parse(Prefix(random.Next(2) == 0 ? name : name[(name.IndexOf('.') + 1)..], random.Next(2, 7))),
            "filtered" => SearchRequest.Parse($"{word} platform:{SearchCatalogGenerator.Platforms[random.Next(3)]} classification:internal") with { IncludeFacets = false },
            _ => throw new InvalidOperationException(Case),
        };
    }

    private static string Prefix(string text, int length) => text[..Math.Min(text.Length, length)];

    // One edit: drop, double or swap a letter in the middle.
    private static string Typo(string word, Random random)
    {
        var at = random.Next(1, word.Length - 1);
        return random.Next(3) switch
        {
            0 => word.Remove(at, 1),
            1 => word.Insert(at, word[at].ToString()),
            _ => string.Concat(word[..at], word[at + 1].ToString(), word[at].ToString(), word[(at + 2)..]),
        };
    }

    [Benchmark]
    public int Search()
    {
        var request = requests[next++ % requests.Length];
        return Case == "suggest"
            ? engine.SuggestAsync(request.Query.Text, 8, Viewer, CancellationToken.None).GetAwaiter().GetResult().Count
            : engine.SearchAsync(request, Viewer, CancellationToken.None).GetAwaiter().GetResult().Hits.Count;
    }

    [GlobalCleanup]
    public void Cleanup() => dataSource.Dispose();
}
