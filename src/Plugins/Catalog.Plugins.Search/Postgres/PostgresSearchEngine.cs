using System.Diagnostics;
using Catalog.Plugins.Search.Engine;
using Catalog.Plugins.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Plugins.Search.Postgres;

/// <summary>
/// Search on PostgreSQL full-text: documents in <c>search_documents</c> (kept in step by triggers, see
/// db/migrations/0200_search_documents.sql), weighted tsvector + GIN, pg_trgm for substrings and typos.
/// </summary>
public sealed class PostgresSearchEngine(NpgsqlDataSource dataSource, IOptions<SearchOptions> options, SearchDocumentWriter writer,
    IDataProtectionProvider? protection = null) : ISearchEngine
{
    // Without the host's key ring (an engine built by hand, e.g. in benchmarks) cursors are signed with a key of this instance.
    private readonly IDataProtector cursors = (protection ?? new EphemeralDataProtectionProvider()).CreateProtector(SearchCursor.ProtectionPurpose);

    private const int RebuildBatch = 5000;

    public string Name => "PostgreSQL full-text";

    public async Task<SearchSupport> CheckSupportAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("""
                SELECT count(*) FILTER (WHERE extname IN ('pg_trgm', 'unaccent', 'fuzzystrmatch')),
                       to_regclass('search_documents') IS NOT NULL,
                       EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'catalog_search')
                FROM pg_extension
                """);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var (extensions, table, config) = (reader.GetInt64(0), reader.GetBoolean(1), reader.GetBoolean(2));
            return extensions == 3 && table && config
                ? new SearchSupport(true, "pg_trgm, unaccent and fuzzystrmatch installed; search_documents present.")
                : new SearchSupport(false, $"Search needs the pg_trgm, unaccent and fuzzystrmatch extensions (found {extensions} of 3) and migration 0200 " +
                                           $"(search_documents {(table ? "present" : "missing")}, text search configuration catalog_search {(config ? "present" : "missing")}). " +
                                           "Install postgresql-contrib and let the portal migrate the database.");
        }
        catch (NpgsqlException e)
        {
            return new SearchSupport(false, $"PostgreSQL is not reachable: {e.Message}");
        }
    }

    public Task IndexAsync(IReadOnlyCollection<SearchDocument> documents, string source, CancellationToken cancellationToken) =>
        writer.WriteAsync(documents, source, cancellationToken);

    public async Task RemoveAsync(IReadOnlyCollection<long> entityIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM search_documents WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", entityIds.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SearchResults> SearchAsync(SearchRequest request, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var fingerprint = SearchCursor.Fingerprint(query.ToString());
        var cursor = request.Cursor is null ? null : SearchCursor.Decode(request.Cursor, fingerprint, cursors, options.Value.MaxCursorDepth);
        var limit = Math.Clamp(request.Limit, 1, SearchRequest.MaxLimit);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var corrections = await TypoCorrections.FindAsync(connection, query, cancellationToken);
        var text = TextQuery.Build(query, corrections.Similar);
        var frequencies = await TermFrequencies.FindAsync(connection, text, cancellationToken);
        var kept = await FilterSelectivity.FindAsync(connection, query, cancellationToken);
        // Deeper pages widen every branch by the hits already shown, so paging is not capped (cost grows with depth).
        var cap = options.Value.MaxCandidates + (cursor?.Seen ?? 0) + limit + 1;
        var sql = new SearchSql(query, text, principal, corrections.UnknownWords, frequencies, kept, cap);

        // Facets are counted on a second connection while the page is scored: two independent statements.
        var withFacets = request.IncludeFacets && cursor is null;
        var counting = withFacets ? CountFacetsAsync(sql, cancellationToken) : null;
        var hits = new List<SearchHit>();
        var scores = new List<decimal>();
        await using (var page = sql.Page(cursor, limit + 1))
        {
            page.Connection = connection;
            await using var reader = await SearchSql.ExecuteAsync(page, cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                scores.Add(reader.GetDecimal(0));
                hits.Add(HitReader.Read(reader, text.Words));
            }
        }
        var (facets, total, approximate) = counting is null ? ([], null, false) : await counting;

        string? next = null;
        if (hits.Count > limit)
        {
            hits.RemoveAt(limit);
            // Paging stops at MaxCursorDepth hits: the next page's scan would be that much wider.
            var seen = (cursor?.Seen ?? 0) + limit;
            if (seen <= options.Value.MaxCursorDepth)
                next = new SearchCursor(scores[limit - 1], hits[^1].EntityId, seen, fingerprint).Encode(cursors);
        }
        return new SearchResults(query, hits, facets, total, next) { Corrections = corrections.Similar, TotalIsLowerBound = approximate };
    }

    private async Task<(List<FacetGroup> Facets, long? Total, bool Approximate)> CountFacetsAsync(SearchSql sql, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = sql.Facets(options.Value.FacetValues, options.Value.MaxCounted);
        command.Connection = connection;
        await using var reader = await SearchSql.ExecuteAsync(command, cancellationToken);
        var values = new List<(string Field, FacetValue Value)>();
        while (await reader.ReadAsync(cancellationToken))
            values.Add((reader.GetString(0), new FacetValue(reader.GetString(1), reader.GetInt64(2))));
        var facets = Query.SearchFields.Facets
            .Select(f => new FacetGroup(f, values.Where(v => v.Field == f).Select(v => v.Value).ToList()))
            .ToList();
        // Counting stops at MaxCounted matches: below it the counts are exact, at it they are "at least".
        var approximate = values.Any(v => v.Field == "_candidates" && v.Value.Count >= options.Value.MaxCounted);
        return (facets, facets.First(f => f.Field == Query.SearchFields.Kind).Values.Sum(v => v.Count), approximate);
    }

    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int limit, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        var folded = QueryWords.Fold(prefix.Trim());
        var words = QueryWords.Split(prefix);
        if (folded.Length < 2 || words.Count == 0) return [];
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var frequencies = await TermFrequencies.FindAsync(connection, words, cancellationToken);
        await using var command = SuggestionSql.Build(folded, words, Math.Clamp(limit, 1, 20), principal, frequencies);
        command.Connection = connection;
        await using var reader = await SearchSql.ExecuteAsync(command, cancellationToken);
        var suggestions = new List<SearchSuggestion>();
        while (await reader.ReadAsync(cancellationToken))
            suggestions.Add(new SearchSuggestion(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        return suggestions;
    }

    public async Task<RebuildReport> RebuildAsync(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long total, done = 0, after = 0;
        await using (var count = dataSource.CreateCommand("SELECT count(*) FROM entities"))
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        while (true)
        {
            await using var command = dataSource.CreateCommand("""
                WITH batch AS (SELECT id FROM entities WHERE id > @after ORDER BY id LIMIT @size)
                SELECT search_refresh_documents(ARRAY(SELECT id FROM batch)), (SELECT max(id) FROM batch), (SELECT count(*) FROM batch)
                """);
            command.Parameters.AddWithValue("after", after);
            command.Parameters.AddWithValue("size", RebuildBatch);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (reader.IsDBNull(1)) break;
            after = reader.GetInt64(1);
            done += reader.GetInt64(2);
            progress?.Report(total == 0 ? 1 : (double)done / total);
        }
        var contributed = await writer.RebuildContributedAsync(cancellationToken);
        progress?.Report(1);
        await using var documents = dataSource.CreateCommand("SELECT count(*) FROM search_documents");
        return new RebuildReport((long)(await documents.ExecuteScalarAsync(cancellationToken))!, contributed, clock.Elapsed);
    }
}
