using Microsoft.Extensions.Logging;
using Npgsql;

namespace Catalog.Plugins.Search.Postgres;

/// <summary>
/// Connects plugins' <see cref="ISearchDocumentSource"/>s to the index: claims their kinds (so the triggers queue
/// changes of those kinds in <c>search_outbox</c> instead of building documents themselves) and drains the outbox.
/// </summary>
public sealed class SearchDocumentSources(NpgsqlDataSource dataSource, IEnumerable<ISearchDocumentSource> sources, ILogger<SearchDocumentSources> logger)
{
    private const int DrainBatch = 500;

    public bool Any => sources.Any();

    /// <summary>Records which source owns which kind; kinds no longer claimed go back to the triggers and are rebuilt.</summary>
    public async Task ClaimKindsAsync(CancellationToken cancellationToken)
    {
        var claims = sources.SelectMany(s => s.Kinds.Select(k => (Kind: k, Source: SearchDocumentWriter.SourceName(s))))
            .GroupBy(c => c.Kind).Select(g => g.First()).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string[] released;
        await using (var release = new NpgsqlCommand(
            "WITH r AS (DELETE FROM search_source_kinds WHERE NOT (kind = ANY(@kinds)) RETURNING kind) SELECT coalesce(array_agg(kind), '{}') FROM r",
            connection, transaction))
        {
            release.Parameters.AddWithValue("kinds", claims.Select(c => c.Kind).ToArray());
            released = (string[])(await release.ExecuteScalarAsync(cancellationToken))!;
        }
        // A separate statement: the refresh must see the released kinds as unclaimed.
        await using (var rebuild = new NpgsqlCommand(
            "SELECT search_refresh_documents(ARRAY(SELECT id FROM entities WHERE kind = ANY(@released)))", connection, transaction))
        {
            rebuild.Parameters.AddWithValue("released", released);
            await rebuild.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var claim = new NpgsqlCommand("""
            INSERT INTO search_source_kinds (kind, source) SELECT * FROM unnest(@kinds, @sources)
            ON CONFLICT (kind) DO UPDATE SET source = excluded.source
            """, connection, transaction))
        {
            claim.Parameters.AddWithValue("kinds", claims.Select(c => c.Kind).ToArray());
            claim.Parameters.AddWithValue("sources", claims.Select(c => c.Source).ToArray());
            await claim.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        foreach (var (kind, source) in claims) logger.LogInformation("Search documents of kind {Kind} come from {Source}", kind, source);
    }

    /// <summary>
    /// Takes a batch of queued entity ids, asks their sources for documents and writes them, all in one transaction:
    /// if a source fails, the ids stay queued. Returns how many ids were taken.
    /// </summary>
    public async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var queued = new List<(long Id, string Kind)>();
        await using (var take = new NpgsqlCommand("""
            WITH taken AS (
                DELETE FROM search_outbox WHERE entity_id IN (
                    SELECT entity_id FROM search_outbox ORDER BY enqueued_at LIMIT @batch FOR UPDATE SKIP LOCKED)
                RETURNING entity_id)
            SELECT t.entity_id, e.kind FROM taken t JOIN entities e ON e.id = t.entity_id
            """, connection, transaction))
        {
            take.Parameters.AddWithValue("batch", DrainBatch);
            await using var reader = await take.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) queued.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        foreach (var source in sources)
        {
            var ids = queued.Where(q => source.Kinds.Contains(q.Kind)).Select(q => q.Id).ToList();
            if (ids.Count == 0) continue;
            var documents = await SearchDocumentWriter.Collect(source, ids, cancellationToken);
            await SearchDocumentWriter.WriteAsync(connection, transaction, documents, SearchDocumentWriter.SourceName(source), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return queued.Count;
    }
}
