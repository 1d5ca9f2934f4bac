using System.Diagnostics;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Catalog.Benchmarks.Search;

/// <summary>
/// A deterministic (seeded) catalog of datasets with columns, jobs and teams, loaded with COPY. Words follow a
/// skewed distribution (a few very common, many rare), as names in real warehouses do.
/// </summary>
public sealed class SearchCatalogGenerator(int entities, int seed = 42)
{
    public static readonly string[] Domains = ["sales", "billing", "marketing", "logistics", "support", "finance", "hr", "product", "growth", "risk",
        "fraud", "payments", "inventory", "pricing", "search", "ads", "crm", "supply", "catalog", "identity"];
    public static readonly string[] Platforms = ["postgres", "bigquery", "snowflake", "kafka", "s3", "gcs", "mysql", "hive"];
    public static readonly string[] Classifications = ["public", "internal", "internal", "internal", "confidential", "pii"];

    /// <summary>Pronounceable pseudo-words: syllable combinations give thousands of distinct, typo-able words.</summary>
    public static string[] Vocabulary(int seed, int size)
    {
        string[] syllables = ["ar", "be", "co", "da", "el", "fi", "go", "ha", "in", "jo", "ka", "lu", "mo", "ne", "or", "pa", "qui", "ro", "sa", "ti", "ur", "ve", "wa", "xi", "yo", "ze", "tra", "ple", "ston", "mar"];
        var random = new Random(seed);
        var words = new HashSet<string>(["orders", "customers", "events", "sessions", "payments", "invoices", "shipments", "products", "accounts", "users"]);
        while (words.Count < size)
            words.Add(string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => syllables[random.Next(syllables.Length)])));
        return [.. words];
    }

    // Skewed pick: low indexes are much more frequent (roughly Zipf-like).
    private static T Pick<T>(Random random, T[] items) => items[(int)(items.Length * Math.Pow(random.NextDouble(), 2.5))];

    public string[] Words { get; } = Vocabulary(seed, 3000);

    public string NameOf(long index)
    {
        var random = new Random(unchecked(seed * 7919 + (int)index));
        return $"{Pick(random, Domains)}.{Pick(random, Words)}_{Pick(random, Words)}_{index % 9973}";
    }

    /// <summary>COPY entities (80% datasets, 20% jobs), dataset columns and lineage edges. Returns elapsed time.</summary>
    public async Task<TimeSpan> LoadAsync(NpgsqlDataSource dataSource, IProgress<string> progress)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY entities (kind, namespace, name, description, owner_ref, platform, classification, lifecycle, visibility, tags) FROM STDIN (FORMAT BINARY)"))
        {
            var random = new Random(seed);
            for (long i = 0; i < entities; i++)
            {
                var isJob = i % 5 == 4;
                await writer.StartRowAsync();
                await writer.WriteAsync(isJob ? "job" : "dataset");
                await writer.WriteAsync($"warehouse_{random.Next(200)}");
                await writer.WriteAsync(isJob ? "etl_" + NameOf(i).Replace('.', '_') : NameOf(i));
                await writer.WriteAsync(Describe(random));
                await writer.WriteAsync($"group:default:team-{(int)(300 * Math.Pow(random.NextDouble(), 1.5))}");
                await writer.WriteAsync(isJob ? "airflow" : Pick(random, Platforms));
                await writer.WriteAsync(Classifications[random.Next(Classifications.Length)]);
                await writer.WriteAsync(random.Next(50) == 0 ? "deprecated" : "active");
                await writer.WriteAsync(random.Next(20) == 0 ? "restricted" : "everyone");
                await writer.WriteAsync(Enumerable.Range(0, random.Next(4)).Select(_ => Pick(random, Words[..60])).Distinct().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                if (i % 100_000 == 0) progress.Report($"entities {i:N0}/{entities:N0}");
            }
            await writer.CompleteAsync();
        }
        progress.Report("columns");
        await using (var columns = new NpgsqlCommand("""
            INSERT INTO dataset_fields (entity_id, ordinal, name, data_type)
            SELECT e.id, c, (ARRAY['id','created_at','updated_at','amount','status','customer_id','order_id','country','email','currency','quantity','price','session_id','event_time','user_id'])[1 + ((e.id * 7 + c * 13) % 15)] || '_' || c, 'text'
            FROM entities e, generate_series(1, 3 + (e.id % 6)::int) AS c
            WHERE e.kind = 'dataset'
            """, connection) { CommandTimeout = 0 })
            await columns.ExecuteNonQueryAsync();
        progress.Report("lineage");
        await using (var lineage = new NpgsqlCommand("""
            INSERT INTO lineage_edges (from_id, to_id, edge_kind)
            SELECT d.id, j.id, 'reads' FROM entities j JOIN entities d ON d.id = j.id - 1 - (j.id % 3) WHERE j.kind = 'job' AND d.kind = 'dataset'
            ON CONFLICT DO NOTHING
            """, connection) { CommandTimeout = 0 })
            await lineage.ExecuteNonQueryAsync();
        return clock.Elapsed;
    }

    private string Describe(Random random)
    {
        var text = new StringBuilder();
        var length = random.Next(6, 20);
        for (var w = 0; w < length; w++) text.Append(w == 0 ? "" : " ").Append(Pick(random, Words));
        return text.Append('.').ToString();
    }
}
