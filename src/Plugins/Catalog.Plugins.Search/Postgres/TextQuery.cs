using Catalog.Plugins.Search.Query;

namespace Catalog.Plugins.Search.Postgres;

/// <summary>
/// The tsquery texts for a parsed query. Words are letters and digits only (<see cref="QueryWords"/>), so
/// user input can never inject tsquery syntax. Free words match as prefixes (partial words) and through their
/// typo corrections; phrases match their words in order.
/// </summary>
public sealed class TextQuery
{
    private TextQuery(IReadOnlyList<string> terms, IReadOnlyList<string> nameTerms, string? negated, IReadOnlyList<string> words,
        IReadOnlyList<IReadOnlyList<WordQuery>> termWords)
    {
        TermWords = termWords;
        Terms = terms;
        NameTerms = nameTerms;
        Negated = negated;
        Words = words;
    }

    /// <summary>One tsquery per positive term: the number a document matches is a ranking signal.</summary>
    public IReadOnlyList<string> Terms { get; }
    /// <summary>The same terms restricted to weight A (the name).</summary>
    public IReadOnlyList<string> NameTerms { get; }
    /// <summary>Any of the positive terms: what selects candidates and feeds ts_rank_cd and ts_headline.</summary>
    public string? Any => Terms.Count == 0 ? null : string.Join(" | ", Terms.Select(t => $"({t})"));
    /// <summary>Any of the negated terms, or null.</summary>
    public string? Negated { get; }
    /// <summary>Every positive word (for substring matching and highlighting names and columns).</summary>
    public IReadOnlyList<string> Words { get; }
    /// <summary>
    /// Per term, the words it requires, each as its own tsquery: a document matching a term matches each of these,
    /// so the rarest one can select candidates through the index before the whole term is checked.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<WordQuery>> TermWords { get; }

    public static TextQuery Build(SearchQuery query, IReadOnlyDictionary<string, IReadOnlyList<string>> corrections)
    {
        var terms = new List<string>();
        var nameTerms = new List<string>();
        var words = new List<string>();
        var wordGroups = new List<IReadOnlyList<WordQuery>>();
        foreach (var term in query.PositiveTerms)
        {
            var termWords = QueryWords.Split(term.Text);
            if (termWords.Count == 0) continue;
            words.AddRange(termWords);
            terms.Add(Compose(term, termWords, corrections, weight: ""));
            nameTerms.Add(Compose(term, termWords, corrections, weight: "A"));
            wordGroups.Add(termWords.Select(w => term.IsPhrase
                    ? new WordQuery([w], Lexeme(w, prefix: false, ""), Lexeme(w, prefix: false, "A"), Lexeme(w, prefix: false, ""))
                    : new WordQuery([w, .. corrections.GetValueOrDefault(w) ?? []], Alternatives(w, corrections, ""), Alternatives(w, corrections, "A"),
                        "(" + string.Join(" | ", [w, .. corrections.GetValueOrDefault(w) ?? []]) + ")"))
                .ToList());
        }
        var negated = query.NegatedTerms
            .Select(t => QueryWords.Split(t.Text))
            .Where(w => w.Count > 0)
            .Select(w => "(" + string.Join(" <-> ", w) + ")")
            .ToList();
        return new TextQuery(terms, nameTerms, negated.Count == 0 ? null : string.Join(" | ", negated), words.Distinct().ToList(), wordGroups);
    }

    private static string Compose(QueryTerm term, IReadOnlyList<string> words, IReadOnlyDictionary<string, IReadOnlyList<string>> corrections, string weight)
    {
        if (term.IsPhrase) return string.Join(" <-> ", words.Select(w => Lexeme(w, prefix: false, weight)));
        return string.Join(" & ", words.Select(w => Alternatives(w, corrections, weight)));
    }

    private static string Alternatives(string word, IReadOnlyDictionary<string, IReadOnlyList<string>> corrections, string weight)
    {
        var alternatives = new List<string> { Lexeme(word, prefix: true, weight) };
        if (corrections.TryGetValue(word, out var similar)) alternatives.AddRange(similar.Select(s => Lexeme(s, prefix: false, weight)));
        return "(" + string.Join(" | ", alternatives) + ")";
    }

    private static string Lexeme(string word, bool prefix, string weight) =>
        prefix || weight.Length > 0 ? $"{word}:{(prefix ? "*" : "")}{weight}" : word;
}

/// <summary>
/// One required word of a term with its alternatives: the words (for frequencies) and its tsquery, anywhere, in the
/// name, and as whole words only (no prefix: GIN can intersect whole words cheaply, skipping through long posting lists).
/// </summary>
public sealed record WordQuery(IReadOnlyList<string> Words, string Any, string Name, string Whole);
