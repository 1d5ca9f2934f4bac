using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Lineage.Snapshot;

/// <summary>
/// Holds the current <see cref="LineageSnapshot"/> and keeps it fresh. Nothing happens until lineage is first
/// asked for (the indexer, which registers plugins too, never pays for it); then a background loop loads the
/// graph and applies deltas every <see cref="LineageOptions.RefreshInterval"/>. Readers take whatever snapshot
/// is current: a refresh builds a new one and swaps it in, so queries never wait on a refresh.
/// </summary>
public sealed partial class LineageSnapshotStore(LineageSnapshotLoader loader, IOptions<LineageOptions> options, ILogger<LineageSnapshotStore> logger, TimeProvider clock) : IAsyncDisposable
{
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private volatile LineageSnapshot? current;
    private Task? loop;
    private int started;

    /// <summary>The snapshot to query, or null while the first load runs (or when the graph is too large to hold).</summary>
    public LineageSnapshot? Current
    {
        get
        {
            EnsureStarted();
            return current;
        }
    }

    /// <summary>True when the graph exceeded <see cref="LineageOptions.MaxSnapshotEdges"/> and traversals stay on SQL.</summary>
    public bool TooLarge { get; private set; }

    /// <summary>Waits for a snapshot (loading it if none), for callers that want the in-memory engine only.</summary>
    public async Task<LineageSnapshot?> GetAsync(CancellationToken cancellationToken)
    {
        EnsureStarted();
        return current ?? await RefreshAsync(cancellationToken);
    }

    /// <summary>Applies what changed in PostgreSQL since the last refresh (or loads everything the first time) and returns the result.</summary>
    public async Task<LineageSnapshot?> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            var previous = current;
            var now = clock.GetUtcNow();
            if (previous is null || now - previous.FullyLoadedAt >= options.Value.FullReloadInterval)
                return current = await LoadAllAsync(cancellationToken);

            var delta = await loader.LoadChangesAsync(previous.SinceXid, options.Value.MaxDeltaRows, cancellationToken);
            if (delta is null)
            {
                LogDeltaTooLarge(logger, options.Value.MaxDeltaRows);
                return current = await LoadAllAsync(cancellationToken);
            }
            var (changes, since) = delta.Value;
            if (changes.Count == 0) return current = previous with { SinceXid = since, RefreshedAt = now };
            var watch = Stopwatch.StartNew();
            var graph = previous.Graph.WithChanges(changes);
            LogDelta(logger, changes.Count, graph.NodeCount, graph.EdgeCount, watch.ElapsedMilliseconds);
            return current = previous with { Graph = graph, SinceXid = since, RefreshedAt = now, LastBuildTime = watch.Elapsed };
        }
        finally
        {
            refreshing.Release();
        }
    }

    private async Task<LineageSnapshot?> LoadAllAsync(CancellationToken cancellationToken)
    {
        var estimate = await loader.EstimateEdgesAsync(cancellationToken);
        if (estimate > options.Value.MaxSnapshotEdges)
        {
            TooLarge = true;
            LogTooLarge(logger, estimate, options.Value.MaxSnapshotEdges);
            return null;
        }
        TooLarge = false;
        var watch = Stopwatch.StartNew();
        var (graph, since) = await loader.LoadAllAsync(cancellationToken);
        await loader.PruneTombstonesAsync(cancellationToken);
        LogLoaded(logger, graph.NodeCount, graph.EdgeCount, graph.MemoryBytes / (1024 * 1024), watch.ElapsedMilliseconds);
        var now = clock.GetUtcNow();
        return new LineageSnapshot(graph, since, now, now, watch.Elapsed);
    }

    private void EnsureStarted()
    {
        if (options.Value.Engine == LineageEngine.Sql || Interlocked.Exchange(ref started, 1) == 1) return;
        loop = Task.Run(() => RunAsync(stopping.Token));
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
        do
        {
            try
            {
                await RefreshAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // Keep serving the last good snapshot (or SQL); try again next tick.
                LogRefreshFailed(logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (loop is not null)
        {
            try { await loop; } catch (OperationCanceledException) { }
        }
        stopping.Dispose();
        refreshing.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lineage snapshot loaded: {Nodes} nodes, {Edges} edges, {MegaBytes} MB, in {Milliseconds} ms")]
    private static partial void LogLoaded(ILogger logger, int nodes, int edges, long megaBytes, long milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lineage snapshot applied {Changes} changed edges: {Nodes} nodes, {Edges} edges, in {Milliseconds} ms")]
    private static partial void LogDelta(ILogger logger, int changes, int nodes, int edges, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "More than {Rows} lineage edges changed since the last refresh: reloading the whole graph")]
    private static partial void LogDeltaTooLarge(ILogger logger, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lineage has about {Edges} edges, more than Plugins:lineage:MaxSnapshotEdges ({Limit}): traversals use recursive SQL")]
    private static partial void LogTooLarge(ILogger logger, long edges, long limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the lineage snapshot failed; the previous snapshot stays in use")]
    private static partial void LogRefreshFailed(ILogger logger, Exception error);
}
