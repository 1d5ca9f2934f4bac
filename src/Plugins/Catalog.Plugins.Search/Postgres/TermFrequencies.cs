using Npgsql;

namespace Catalog.Plugins.Search.Postgres;

/// <summary>
/// How common the query's words are, from the planner's own statistics of <c>search_documents.document</c>
/// (<c>pg_stats.most_common_elems</c>, kept by ANALYZE/autovacuum): a word outside that list is rare. Lets
/// <see cref="SearchSql"/> pick, per candidate branch, between the GIN index (rare words: few postings) and a scan
/// that stops after <c>@cap</c> hits (common words: building a GIN bitmap of hundreds of thousands of postings
/// costs far more than reading the first few thousand rows).
/// </summary>
internal sealed record TermFrequencies(IReadOnlyDictionary<string, double> Fractions, double Documents)
{
    public static readonly TermFrequencies Unknown = new(new Dictionary<string, double>(), 0);

    /// <summary>Estimated fraction of documents a term matches: every word (any of its alternatives) must match.</summary>
    public double Of(IReadOnlyList<IReadOnlyList<string>> term) =>
        term.Aggregate(1.0, (product, alternatives) => product * Math.Min(1, alternatives.Sum(w => Fractions.GetValueOrDefault(QueryWords.Fold(w)))));

    /// <summary>Estimated fraction matching any of the terms.</summary>
    public double OfAny(IEnumerable<IReadOnlyList<IReadOnlyList<string>>> terms) => Math.Min(1, terms.Sum(Of));

    /// <summary>Estimated fraction matching all of the terms (independence assumed).</summary>
    public double OfAll(IEnumerable<IReadOnlyList<IReadOnlyList<string>>> terms) => terms.Aggregate(1.0, (p, t) => p * Of(t));

    public static async Task<TermFrequencies> FindAsync(NpgsqlConnection connection, TextQuery text, CancellationToken cancellationToken)
    {
        var words = text.TermWords.SelectMany(t => t).SelectMany(a => a).Select(QueryWords.Fold).Distinct().ToArray();
        if (words.Length == 0) return Unknown;
        // A word's lexemes are compared as prefixes: free words match as prefixes (orders:*), so "order" counts
        // "orders", "ordered", ... A sum over overlapping lexemes can exceed 1; callers cap it.
        await using var command = new NpgsqlCommand("""
            WITH mce AS (
                SELECT x.lexeme, x.fraction
                FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS x(lexeme, fraction)
                WHERE s.schemaname = current_schema() AND s.tablename = 'search_documents' AND s.attname = 'document'
                  AND x.lexeme IS NOT NULL)
            SELECT w.word, coalesce((SELECT sum(m.fraction) FROM mce m, unnest(tsvector_to_array(to_tsvector('catalog_search', w.word))) AS l(lexeme)
                                     WHERE left(m.lexeme, length(l.lexeme)) = l.lexeme), 0)::float8,
                   (SELECT greatest(reltuples, 0)::float8 FROM pg_class WHERE oid = 'search_documents'::regclass)
            FROM unnest(@words) AS w(word)
            """, connection);
        command.Parameters.AddWithValue("words", words);
        var fractions = new Dictionary<string, double>();
        double documents = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            fractions[reader.GetString(0)] = Math.Min(1, reader.GetDouble(1));
            documents = reader.GetDouble(2);
        }
        return new TermFrequencies(fractions, documents);
    }
}
