using Npgsql;

namespace Catalog.Plugins.Search.Postgres;

/// <summary>
/// How common the query's words are, from the planner's own statistics (<c>pg_stats.most_common_elems</c>, kept by
/// ANALYZE/autovacuum) of <c>search_documents.document</c> and of the name-words index expression (migration
/// 0220): a word outside those lists is rare. Lets <see cref="SearchSql"/> pick, per candidate branch, between a
/// GIN index (rare words: few postings) and a scan that stops after <c>@cap</c> hits (common words: building a GIN
/// bitmap of hundreds of thousands of postings costs far more than reading the first few thousand rows).
/// </summary>
internal sealed record TermFrequencies(IReadOnlyDictionary<string, double> InDocument, IReadOnlyDictionary<string, double> InName, double Documents)
{
    public static readonly TermFrequencies Unknown = new(new Dictionary<string, double>(), new Dictionary<string, double>(), 0);

    /// <summary>Estimated fraction of documents a term matches (in the name only, or anywhere): every word must match.</summary>
    public double Of(IReadOnlyList<WordQuery> term, bool name = false) => term.Aggregate(1.0, (product, word) => product * Of(word, name));

    /// <summary>Estimated fraction of documents containing the word or one of its alternatives.</summary>
    public double Of(WordQuery word, bool name = false) =>
        Math.Min(1, word.Words.Sum(w => (name ? InName : InDocument).GetValueOrDefault(QueryWords.Fold(w))));

    /// <summary>Estimated fraction matching any of the terms.</summary>
    public double OfAny(IEnumerable<IReadOnlyList<WordQuery>> terms, bool name = false) => Math.Min(1, terms.Sum(t => Of(t, name)));

    /// <summary>Estimated fraction matching all of the terms (independence assumed).</summary>
    public double OfAll(IEnumerable<IReadOnlyList<WordQuery>> terms) => terms.Aggregate(1.0, (p, t) => p * Of(t));

    /// <summary>The term's rarest required word.</summary>
    public WordQuery Rarest(IReadOnlyList<WordQuery> term, bool name = false) => term.MinBy(w => Of(w, name))!;

    /// <summary>Estimated fraction of documents containing a word (as a prefix) in the name only, or anywhere.</summary>
    public double OfWord(string word, bool name = false) => (name ? InName : InDocument).GetValueOrDefault(QueryWords.Fold(word));

    public static Task<TermFrequencies> FindAsync(NpgsqlConnection connection, TextQuery text, CancellationToken cancellationToken) =>
        FindAsync(connection, text.TermWords.SelectMany(t => t).SelectMany(w => w.Words), cancellationToken);

    public static async Task<TermFrequencies> FindAsync(NpgsqlConnection connection, IEnumerable<string> queryWords, CancellationToken cancellationToken)
    {
        var words = queryWords.Select(QueryWords.Fold).Distinct().ToArray();
        if (words.Length == 0) return Unknown;
        // A word's lexemes are compared as prefixes: free words match as prefixes (orders:*), so "order" counts
        // "orders", "ordered", ... A sum over overlapping lexemes can exceed 1; callers cap it.
        await using var command = new NpgsqlCommand("""
            WITH mce AS (
                SELECT s.tablename = 'search_documents_name_words' AS in_name, x.lexeme, x.fraction
                FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS x(lexeme, fraction)
                WHERE s.schemaname = current_schema() AND x.lexeme IS NOT NULL
                  AND ((s.tablename = 'search_documents' AND s.attname = 'document') OR s.tablename = 'search_documents_name_words'))
            SELECT w.word, m.in_name, sum(m.fraction)::float8,
                   (SELECT greatest(reltuples, 0)::float8 FROM pg_class WHERE oid = 'search_documents'::regclass)
            FROM unnest(@words) AS w(word)
            CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('catalog_search', w.word))) AS l(lexeme)
            JOIN mce m ON left(m.lexeme, length(l.lexeme)) = l.lexeme
            GROUP BY w.word, m.in_name
            UNION ALL SELECT '', false, 0, (SELECT greatest(reltuples, 0)::float8 FROM pg_class WHERE oid = 'search_documents'::regclass)
            """, connection);
        command.Parameters.AddWithValue("words", words);
        var inDocument = new Dictionary<string, double>();
        var inName = new Dictionary<string, double>();
        double documents = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents = reader.GetDouble(3);
            if (reader.GetString(0).Length == 0) continue;
            (reader.GetBoolean(1) ? inName : inDocument)[reader.GetString(0)] = Math.Min(1, reader.GetDouble(2));
        }
        return new TermFrequencies(inDocument, inName, documents);
    }
}
