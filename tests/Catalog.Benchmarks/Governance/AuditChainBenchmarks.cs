using BenchmarkDotNet.Attributes;
using Catalog.Domain.Audit;
using Catalog.Plugins.Governance.Audit;
using Catalog.Storage.Embedded;
using Catalog.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Catalog.Benchmarks.Governance;

/// <summary>
/// What the hash chain costs: appending one event (advisory lock, read the head, normalise JSON, insert) and verifying a chain of <see cref="ChainLength"/> events.
/// Run: <c>dotnet run -c Release --project tests/Catalog.Benchmarks -- --filter '*AuditChain*' --job short --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
public class AuditChainBenchmarks
{
    public const int ChainLength = 10_000;

    private NpgsqlDataSource db = null!;
    private AuditTrail trail = null!;
    private EmbeddedPostgres? cluster;

    // Synchronous on purpose: this BenchmarkDotNet version does not await Task-returning setup in process.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var admin = Environment.GetEnvironmentVariable("CATALOG_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            cluster = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = Path.Combine(Path.GetTempPath(), $"catalog-audit-bench-{Environment.ProcessId}"), Database = "postgres", Ephemeral = true });
            admin = await cluster.StartAsync();
        }
        var name = $"audit_bench_{Environment.ProcessId}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}", connection).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", connection).ExecuteNonQueryAsync();
        }
        db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
        await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        trail = new AuditTrail(db, TimeProvider.System);
        for (var i = 0; i < ChainLength; i++) await RecordAsync(i);
    }

    private async Task CleanupAsync()
    {
        await db.DisposeAsync();
        if (cluster is not null) await cluster.StopAsync();
    }

    private Task<long> RecordAsync(int i) => trail.RecordAsync(new AuditRecord("user:default:olivia", AuditActions.RetentionChanged, $"dataset:food_delivery:t{i % 100}")
    {
        Before = new { mode = "keep_days", value = 90 }, After = new { mode = "keep_days", value = i % 365 + 1 }, Reason = "benchmark",
    });

    [Benchmark(Description = "append one event")]
    public Task<long> AppendOne() => RecordAsync(1);

    [Benchmark(Description = "verify the whole chain (10,000+ events)")]
    public Task<AuditVerificationResult> VerifyChain() => new AuditVerification(db).VerifyAsync();
}
