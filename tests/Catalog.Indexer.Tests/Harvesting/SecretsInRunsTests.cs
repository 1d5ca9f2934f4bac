using Catalog.Harvesting;
using Catalog.Plugins.Harvesting;
using Catalog.Plugins.PostgresIntrospection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Catalog.Indexer.Tests.Harvesting;

/// <summary>
/// The harvest engine's own boundaries: what the runner logs, what a crashing harvester's exception leaves in
/// <c>harvest_errors</c>, and what a run reports, never hold the target's password.
/// </summary>
public sealed class SecretsInRunsTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    [Fact]
    public async Task The_runner_logs_and_reports_the_target_redacted_and_the_harvester_still_connects_with_the_password()
    {
        var target = await SecretTarget.CreateAsync("secret-logs");
        var log = new RecordingLogger<HarvestRunner>();
        var runner = new HarvestRunner([new PostgresHarvester(Options.Create(new PostgresIntrospectionOptions()))], db.Engine(), log);

        var summary = await runner.RunAsync("postgres", target.ConnectionString);

        Assert.Equal(HarvestRunStatus.Succeeded, summary.Status);
        Assert.Equal($"{target.WithoutPassword};Password=***", summary.Target);
        Assert.Contains(log.Lines, line => line.Contains(target.Database, StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, line => line.Contains(target.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_harvester_whose_exception_quotes_its_connection_string_leaves_no_password_in_errors_logs_or_the_summary()
    {
        var target = await SecretTarget.CreateAsync("secret-crash");
        var log = new RecordingLogger<HarvestRunner>();
        var runner = new HarvestRunner([new EchoingHarvester()], db.Engine(), log);

        var summary = await runner.RunAsync("echoing", target.ConnectionString);

        Assert.Equal(HarvestRunStatus.Failed, summary.Status);
        Assert.Contains(log.Lines, line => line.Contains("InvalidOperationException", StringComparison.Ordinal) && line.Contains("Password=***", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, line => line.Contains(target.Password, StringComparison.Ordinal));
        Assert.All(summary.Errors, e => Assert.DoesNotContain(target.Password, e.ToString(), StringComparison.Ordinal));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM harvest_errors WHERE run_id = $1 AND reason LIKE '%Password=***%'", summary.RunId));
        Assert.Empty(await CatalogDatabaseScan.FindAsync(db.ConnectionString, target.Password));
    }

    /// <summary>Does what careless drivers do: reports, then throws, an error that quotes the target.</summary>
    private sealed class EchoingHarvester : IHarvester
    {
        public string Kind => "echoing";

        public string Description => "fails quoting its target";

        public async Task HarvestAsync(HarvestContext context, CancellationToken cancellationToken)
        {
            await context.Sink.ReportErrorAsync(new HarvestError(context.Target, $"login failed for {context.Target}"), cancellationToken);
            throw new InvalidOperationException($"cannot open {context.Target}");
        }
    }

    private sealed class RecordingLogger<T> : ILogger<T>
    {
        private readonly List<string> lines = [];

        public IReadOnlyList<string> Lines { get { lock (lines) return [.. lines]; } }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines) lines.Add($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : $" {exception}")}");
        }
    }
}
