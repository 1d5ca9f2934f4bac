using System.Text;
using Catalog.Plugins.Search.Query;
using Catalog.Plugins.Security;
using Catalog.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Catalog.Plugins.Search.Postgres;

/// <summary>
/// Builds the SQL of one search in two phases. Phase 1 collects a bounded candidate set: one small branch per
/// matching strategy (exact name by btree, whole-query name prefix by btree, all words, name words, any word,
/// substrings of unknown words), each already restricted by visibility, filters and negations and cut at
/// <c>@cap</c>, so a very common word costs the same as a rare one. Phase 2 scores only those candidates exactly.
/// Visibility is evaluated on the columns mirrored into <c>search_documents</c> (visibility and owner_ref are
/// copied from the entity row by the same triggers; documents exist only for active and deprecated entities),
/// so no join to <c>entities</c> is needed. All user input travels as parameters; only fixed fragments are
/// concatenated.
/// </summary>
internal sealed class SearchSql
{
    public const string Config = "'catalog_search'";
    // Sentinels for ts_headline: stripped from the source text first, so any in the output are the engine's own.
    public const char MarkStart = '\u0002';
    public const char MarkStop = '\u0003';
    private const int MaxSubstringPatterns = 4;

    // Settings for the statement's own implicit transaction only (set_config(..., true)); ExecuteAsync skips the row
    // they return.
    // - jit off: compiling costs 30–50 ms once the planner's estimate passes jit_above_cost, which these bounded
    //   queries do at a million documents although they run in 5–40 ms (filtered P95 89 ms with JIT, 44 without).
    // - synchronize_seqscans off: a scan that stops after @cap matches must start at the table's first page, not
    //   wherever another scan last was, so the same query finds the same candidates (stable pages and cursors)
    //   and reads pages that stay in the buffer cache.
    internal const string StatementSettings = "SELECT set_config('jit', 'off', true), set_config('synchronize_seqscans', 'off', true);\n";

    /// <summary>Runs a command built here, positioned on its query's rows.</summary>
    public static async Task<NpgsqlDataReader> ExecuteAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return reader;
    }

    private readonly SearchQuery query;
    private readonly TextQuery text;
    private readonly CatalogPrincipal principal;
    private readonly IReadOnlySet<string> unknownWords;
    private readonly TermFrequencies frequencies;
    private readonly double filterSelectivity;
    private readonly string exact;
    private readonly int candidateCap;

    /// <param name="filterSelectivity">The fraction of documents the query's filters keep (<see cref="FilterSelectivity"/>).</param>
    /// <param name="candidateCap">Candidates per branch (<c>@cap</c>): MaxCandidates plus the hits of earlier pages and this one.</param>
    public SearchSql(SearchQuery query, TextQuery text, CatalogPrincipal principal, IReadOnlySet<string> unknownWords,
        TermFrequencies frequencies, double filterSelectivity, int candidateCap)
    {
        this.frequencies = frequencies;
        this.filterSelectivity = filterSelectivity;
        this.candidateCap = candidateCap;
        this.query = query;
        this.text = text;
        this.principal = principal;
        this.unknownWords = unknownWords;
        exact = QueryWords.Fold(query.Text.Trim());
    }

    private bool HasText => text.Any is not null;
    private bool HasExact => exact.Length > 0;

    /// <summary>Visibility, field filters and negations: applied inside every candidate branch.</summary>
    private string Restrictions()
    {
        var sql = new StringBuilder(VisibilityFilter.SqlWithGrantsReadOnce("d"));
        if (text.Negated is not null) sql.Append($" AND NOT d.document @@ to_tsquery({Config}, @negated)");
        foreach (var field in query.Filters.Select(f => f.Field).Distinct())
        {
            if (query.Filters.Any(f => f.Field == field && !f.Negated)) sql.Append(" AND ").Append(FilterSql(field, $"@{field}_in"));
            if (query.Filters.Any(f => f.Field == field && f.Negated)) sql.Append(" AND NOT ").Append(FilterSql(field, $"@{field}_out"));
        }
        return sql.ToString();
    }

    /// <summary>The CTE <c>cand</c>: ids of at most a few × <c>@cap</c> visible, filtered candidates.</summary>
    private string CandidatesCte()
    {
        var where = Restrictions();
        string Branch(string match, string order = "") => $"(SELECT d.id FROM search_documents d WHERE ({match}) AND {where}{order} LIMIT @cap)";
        var branches = new List<string>();
        if (HasText)
        {
            if (HasExact)
            {
                branches.Add(Branch("d.name_key = @exact OR d.short_key = @exact OR d.qualified_key = @exact"));
                branches.Add(Branch("d.short_key LIKE @exact_prefix"));
                branches.Add(Branch("d.name_key LIKE @exact_prefix"));
            }
            // Documents with every word first: for multi-word queries they rank highest and are rare enough to fetch.
            // Documents with every word as a whole word: GIN intersects whole words by skipping through the longer
            // posting lists (prefixes would make it collect each of them first), so this stays cheap for any mix of words.
            if (text.Terms.Count > 1) branches.Add(Branch($"d.document @@ to_tsquery({Config}, @all_whole)"));
            // Name matches from the name-words index (migration 0220): they are what ranks first.
            branches.Add(Branch(TextMatch(NameWords, "@any", "@name_narrow", "@any_name", frequencies.OfAny(text.TermWords, name: true),
                Math.Min(1, text.TermWords.Sum(t => frequencies.Of(frequencies.Rarest(t, name: true), name: true))), PostingsFraction(name: true), candidateCap)));
            branches.Add(Branch(TextMatch(Document, "@any", "@any_narrow", "@any", AnyFraction, NarrowFraction, PostingsFraction(), candidateCap)));
            foreach (var i in CandidateSubstrings) branches.Add(Branch($"d.name_key LIKE @sub{i}"));
        }
        else
        {
            // Filters only: the most useful documents first (index on popularity), which is what the score orders by.
            branches.Add(Branch("true", " ORDER BY d.popularity DESC, d.id"));
        }
        return "WITH cand AS (" + string.Join(" UNION ", branches) + ")";
    }

    /// <summary>
    /// A tsvector match, expected in <paramref name="fraction"/> of documents, by the plan <see cref="MatchCosts"/>
    /// picks: a scan with <paramref name="parameter"/> (common words), <paramref name="indexQuery"/> on
    /// <paramref name="index"/> (rare words), or the index with <paramref name="narrow"/> (each term's rarest word)
    /// and the whole query checked on those rows ("sales.orders_x_7040" need not collect all of "sales*").
    /// </summary>
    private string TextMatch(string index, string indexQuery, string narrow, string parameter, double fraction,
        double narrowFraction, double postingsFraction, int rowsWanted) =>
        MatchCosts.Choose(frequencies.Documents, fraction, filterSelectivity, postingsFraction, narrowFraction, rowsWanted) switch
        {
            MatchPlan.Scan => $"ts_match_vq(d.document, to_tsquery({Config}, {parameter}))",
            MatchPlan.Narrow => $"{index} @@ to_tsquery({Config}, {narrow}) AND ts_match_vq(d.document, to_tsquery({Config}, {parameter}))",
            _ => $"{index} @@ to_tsquery({Config}, {indexQuery})",
        };

    private double AnyFraction => frequencies.OfAny(text.TermWords);
    private double NarrowFraction => Math.Min(1, text.TermWords.Sum(t => frequencies.Of(frequencies.Rarest(t))));
    private double PostingsFraction(bool name = false) => text.TermWords.SelectMany(t => t).Sum(w => frequencies.Of(w, name));

    private const string Document = "d.document";
    // Exactly the expression of the index search_documents_name_words (migration 0220), so the planner can use it.
    private const string NameWords = "to_tsvector('catalog_search', search_words(d.name))";

    /// <summary>What a document must match to count for totals and facets: the union of the candidate branches.</summary>
    private string MatchSql(int countCap)
    {
        if (!HasText) return "true";
        var any = new List<string> { "(" + TextMatch(Document, "@any", "@any_narrow", "@any", AnyFraction, NarrowFraction, PostingsFraction(), countCap) + ")" };
        if (HasExact) any.Add("d.name_key = @exact OR d.short_key = @exact OR d.qualified_key = @exact OR d.short_key LIKE @exact_prefix OR d.name_key LIKE @exact_prefix");
        foreach (var i in CandidateSubstrings) any.Add($"d.name_key LIKE @sub{i}");
        return string.Join(" OR ", any);
    }

    // Exact name ≫ name prefix ≫ number of terms matched (in the name counts extra) ≫ full-text rank; plus
    // usefulness; deprecated entities sink below active ones of similar relevance.
    private string ScoreSql()
    {
        var score = new StringBuilder("round((5 * d.popularity - CASE WHEN d.deprecated THEN 500 ELSE 0 END");
        if (HasText)
        {
            score.Append(" + CASE WHEN d.name_key = @exact OR d.short_key = @exact OR d.qualified_key = @exact OR lower(d.ref) = @exact THEN 1000 ELSE 0 END");
            score.Append(" + CASE WHEN d.short_key LIKE @exact_prefix OR d.name_key LIKE @exact_prefix THEN 200 ELSE 0 END");
            for (var i = 0; i < text.Terms.Count; i++)
                score.Append($" + 50 * (d.document @@ to_tsquery({Config}, @t{i}))::int + 20 * (d.document @@ to_tsquery({Config}, @n{i}))::int");
            for (var i = 0; i < SubstringPatterns.Count; i++)
                score.Append($" + 10 * (d.name_key LIKE @sub{i})::int");
            score.Append($" + 30 * ts_rank_cd('{{0.1, 0.2, 0.4, 1.0}}', d.document, to_tsquery({Config}, @any), 32)");
        }
        return score.Append(")::numeric, 4)").ToString();
    }

    private static string FilterSql(string field, string parameter) => field switch
    {
        SearchFields.Kind => $"d.kind = ANY({parameter})",
        SearchFields.Owner => $"(d.owner_key = ANY({parameter}) OR search_fold(d.owner_ref) = ANY({parameter}))",
        SearchFields.Tag => $"d.tag_keys && {parameter}",
        SearchFields.Platform => $"d.platform_key = ANY({parameter})",
        SearchFields.Namespace => $"d.namespace = ANY({parameter})",
        SearchFields.Classification => $"d.classification = ANY({parameter})",
        SearchFields.Column => $"d.column_keys && {parameter}",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a filter field."),
    };

    // Names containing a query word score extra (@sub{i}); only words that start no known name/column word also
    // select candidates by substring: a known word is already found by the word-prefix branches, and '%word%'
    // over a million names is the most expensive match there is.
    private IReadOnlyList<string> SubstringWords =>
        text.Words.Select(QueryWords.Fold).Where(w => w.Length >= 4).Distinct().Take(MaxSubstringPatterns).ToList();

    private IReadOnlyList<string> SubstringPatterns => SubstringWords.Select(w => $"%{QueryWords.EscapeLike(w)}%").ToList();

    private IEnumerable<int> CandidateSubstrings => SubstringWords.Select((w, i) => (w, i)).Where(x => unknownWords.Contains(x.w)).Select(x => x.i);

    /// <summary>A page of hits after <paramref name="cursor"/>, with snippets and matched columns for that page only.</summary>
    public NpgsqlCommand Page(SearchCursor? cursor, int limit)
    {
        var snippet = HasText
            ? $"ts_headline({Config}, translate(left(coalesce(nullif(d.description, ''), d.title, ''), 8192), E'\\u0002\\u0003', ''), to_tsquery({Config}, @any), @headline)"
            : "left(coalesce(nullif(d.description, ''), d.title, ''), 240)";
        var keyset = cursor is null ? "" : "WHERE score < @cursor_score OR (score = @cursor_score AND id > @cursor_id)";
        var command = new NpgsqlCommand(StatementSettings + $"""
            {CandidatesCte()}, matched AS (
                SELECT d.id, {ScoreSql()} AS score FROM search_documents d WHERE d.id IN (SELECT id FROM cand))
            SELECT p.score, d.id, d.ref, d.kind, d.namespace, d.name, d.title, d.owner_ref, d.platform, d.classification,
                   d.deprecated, d.tags, {snippet} AS snippet,
                   ARRAY(SELECT c FROM unnest(d.columns) c WHERE search_fold(c) LIKE ANY (@column_patterns) LIMIT 5) AS matched_columns
            FROM (SELECT id, score FROM matched {keyset} ORDER BY score DESC, id LIMIT @limit) p
            JOIN search_documents d ON d.id = p.id
            ORDER BY p.score DESC, p.id
            """);
        AddParameters(command.Parameters);
        command.Parameters.AddWithValue("cap", candidateCap);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("headline", $"StartSel={MarkStart}, StopSel={MarkStop}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"");
        var columnPatterns = text.Words.Select(w => $"%{QueryWords.EscapeLike(QueryWords.Fold(w))}%")
            .Concat(query.Filters.Where(f => f.Field == SearchFields.Column && !f.Negated).Select(f => QueryWords.EscapeLike(QueryWords.Fold(f.Value))))
            .ToArray();
        command.Parameters.AddWithValue("column_patterns", columnPatterns);
        if (cursor is not null)
        {
            command.Parameters.AddWithValue("cursor_score", cursor.Score);
            command.Parameters.AddWithValue("cursor_id", cursor.Id);
        }
        return command;
    }

    /// <summary>
    /// Counts per facet value among the matches (top <paramref name="perFacet"/> values per facet), and a
    /// <c>_candidates</c> row. At most <paramref name="countCap"/> matches are counted: below that the counts and
    /// the total are exact; when the cap is reached they are lower bounds (the engine reports "at least").
    /// </summary>
    public NpgsqlCommand Facets(int perFacet, int countCap)
    {
        var command = new NpgsqlCommand(StatementSettings + $"""
            WITH matched AS (
                SELECT d.kind, d.platform, d.namespace, d.owner_ref, d.tag_keys, d.classification
                FROM search_documents d WHERE ({MatchSql(countCap)}) AND {Restrictions()} LIMIT @count_cap), counts AS (
                SELECT 'kind' AS field, kind AS value, count(*) AS n FROM matched GROUP BY kind
                UNION ALL SELECT 'platform', platform, count(*) FROM matched WHERE platform IS NOT NULL GROUP BY platform
                UNION ALL SELECT 'namespace', namespace, count(*) FROM matched GROUP BY namespace
                UNION ALL SELECT 'owner', owner_ref, count(*) FROM matched WHERE owner_ref IS NOT NULL GROUP BY owner_ref
                UNION ALL SELECT 'tag', tag, count(*) FROM matched, unnest(tag_keys) AS tag GROUP BY tag
                UNION ALL SELECT 'classification', classification, count(*) FROM matched GROUP BY classification
                UNION ALL SELECT '_candidates', '', count(*) FROM matched)
            SELECT field, value, n FROM (
                SELECT field, value, n, row_number() OVER (PARTITION BY field ORDER BY n DESC, value) AS position FROM counts) ranked
            WHERE position <= @per_facet
            ORDER BY field, n DESC, value
            """);
        AddParameters(command.Parameters);
        command.Parameters.AddWithValue("per_facet", perFacet);
        command.Parameters.AddWithValue("count_cap", countCap);
        return command;
    }

    private void AddParameters(NpgsqlParameterCollection parameters)
    {
        VisibilityFilter.AddParameters(parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
        if (HasText)
        {
            parameters.AddWithValue("any", text.Any!);
            parameters.AddWithValue("any_name", string.Join(" | ", text.NameTerms.Select(t => $"({t})")));
            parameters.AddWithValue("all_whole", string.Join(" & ", text.TermWords.SelectMany(t => t).Select(w => w.Whole)));
            parameters.AddWithValue("any_narrow", string.Join(" | ", text.TermWords.Select(t => frequencies.Rarest(t).Any)));
            parameters.AddWithValue("name_narrow", string.Join(" | ", text.TermWords.Select(t => frequencies.Rarest(t, name: true).Any)));
            parameters.AddWithValue("exact", exact);
            parameters.AddWithValue("exact_prefix", QueryWords.EscapeLike(exact) + "%");
            for (var i = 0; i < text.Terms.Count; i++)
            {
                parameters.AddWithValue($"t{i}", text.Terms[i]);
                parameters.AddWithValue($"n{i}", text.NameTerms[i]);
            }
            var patterns = SubstringPatterns;
            for (var i = 0; i < patterns.Count; i++) parameters.AddWithValue($"sub{i}", patterns[i]);
        }
        if (text.Negated is not null) parameters.AddWithValue("negated", text.Negated);
        foreach (var group in query.Filters.GroupBy(f => (f.Field, f.Negated)))
        {
            var values = group.Select(f => FilterValue(f.Field, f.Value)).Distinct().ToArray();
            parameters.Add(new NpgsqlParameter($"{group.Key.Field}_{(group.Key.Negated ? "out" : "in")}", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values });
        }
    }

    // Keys are stored folded (lower case, no accents) except namespaces, which are compared as written (URIs).
    internal static string FilterValue(string field, string value) => field switch
    {
        SearchFields.Namespace => value,
        SearchFields.Kind or SearchFields.Classification => value.ToLowerInvariant(),
        _ => QueryWords.Fold(value),
    };
}
