using Catalog.Plugins.Search.Query;
using Npgsql;

namespace Catalog.Plugins.Search.Postgres;

/// <summary>
/// Typo tolerance: a query word that is neither a known name/column word nor the start of one is matched against
/// the lexicon (<c>search_words</c>) by trigram similarity and edit distance (1 edit up to 7 letters, 2 from 8),
/// and the similar words join the query as alternatives. The unknown words themselves are reported too: only they
/// need the (costly) name-substring search, because a known word is already found as a word or word prefix.
/// </summary>
internal sealed record TypoCorrections(IReadOnlyDictionary<string, IReadOnlyList<string>> Similar, IReadOnlySet<string> UnknownWords)
{
    private const int MinLength = 4;
    private const int PerWord = 5;

    public static async Task<TypoCorrections> FindAsync(NpgsqlConnection connection, SearchQuery query, CancellationToken cancellationToken)
    {
        var words = query.PositiveTerms.Where(t => !t.IsPhrase)
            .SelectMany(t => QueryWords.Split(t.Text))
            .Select(QueryWords.Fold)
            .Where(w => w.Length >= MinLength && w.Length <= 64)
            .Distinct()
            .ToArray();
        var corrections = new Dictionary<string, IReadOnlyList<string>>();
        var unknown = new HashSet<string>();
        if (words.Length == 0) return new TypoCorrections(corrections, unknown);
        await using var command = new NpgsqlCommand("""
            SELECT t.word, ARRAY(
                SELECT w.word FROM search_words w
                WHERE w.word % t.word AND levenshtein(w.word, t.word) <= CASE WHEN length(t.word) >= 8 THEN 2 ELSE 1 END
                ORDER BY levenshtein(w.word, t.word), w.word LIMIT @per_word)
            FROM unnest(@words) AS t(word)
            WHERE NOT EXISTS (SELECT 1 FROM search_words k WHERE k.word LIKE replace(replace(replace(t.word, '\', '\\'), '%', '\%'), '_', '\_') || '%')
            """, connection);
        command.Parameters.AddWithValue("words", words);
        command.Parameters.AddWithValue("per_word", PerWord);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            unknown.Add(reader.GetString(0));
            var similar = reader.GetFieldValue<string[]>(1);
            if (similar.Length > 0) corrections[reader.GetString(0)] = similar;
        }
        return new TypoCorrections(corrections, unknown);
    }
}
