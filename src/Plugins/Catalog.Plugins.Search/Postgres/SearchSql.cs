using System.Text;
using Catalog.Plugins.Search.Query;
using Catalog.Plugins.Security;
using Catalog.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Catalog.Plugins.Search.Postgres;

/// <summary>
/// Builds the SQL of one search: candidates (full-text OR name substring OR exact name), then visibility, filters
/// and negations, then a score. All user input travels as parameters; only fixed SQL fragments are concatenated.
/// </summary>
internal sealed class SearchSql
{
    public const string Config = "'catalog_search'";
    // Sentinels for ts_headline: stripped from the source text first, so any in the output are the engine's own.
    public const char MarkStart = '\u0002';
    public const char MarkStop = '\u0003';
    private const int MaxSubstringPatterns = 4;

    private readonly SearchQuery query;
    private readonly TextQuery text;
    private readonly CatalogPrincipal principal;
    private readonly string exact;

    private readonly int candidateCap;

    public SearchSql(SearchQuery query, TextQuery text, CatalogPrincipal principal, int candidateCap)
    {
        this.candidateCap = candidateCap;
        this.query = query;
        this.text = text;
        this.principal = principal;
        exact = QueryWords.Fold(query.Text.Trim());
    }

    private bool HasText => text.Any is not null;

    /// <summary>The CTEs <c>cand</c> (candidate ids) and <c>matched</c> (visible, filtered, with a score).</summary>
    private string MatchedCte(bool withScore)
    {
        var sql = new StringBuilder("WITH cand AS (");
        if (HasText)
        {
            // Each branch is capped so a very common word cannot make one query score half the catalog. Name
            // matches get their own branch: they are what ranks first, so the cap never hides them behind
            // description-only matches.
            sql.Append($"(SELECT id FROM search_documents WHERE document @@ to_tsquery({Config}, @any_name) LIMIT @cap)");
            sql.Append($" UNION (SELECT id FROM search_documents WHERE document @@ to_tsquery({Config}, @any) LIMIT @cap)");
            for (var i = 0; i < SubstringPatterns.Count; i++)
                sql.Append($" UNION (SELECT id FROM search_documents WHERE name_key LIKE @sub{i} LIMIT @cap)");
            sql.Append(" UNION SELECT id FROM search_documents WHERE name_key = @exact OR short_key = @exact OR qualified_key = @exact");
        }
        else
        {
            sql.Append("SELECT id FROM search_documents");
        }
        sql.Append("), matched AS (SELECT d.*");
        if (withScore) sql.Append(", ").Append(ScoreSql()).Append(" AS score");
        sql.Append(" FROM cand JOIN search_documents d ON d.id = cand.id JOIN entities e ON e.id = d.id WHERE ")
            .Append(VisibilityFilter.Sql("e"))
            .Append(" AND e.lifecycle IN ('active', 'deprecated')");
        if (text.Negated is not null) sql.Append($" AND NOT d.document @@ to_tsquery({Config}, @negated)");
        foreach (var field in query.Filters.Select(f => f.Field).Distinct())
        {
            if (query.Filters.Any(f => f.Field == field && !f.Negated)) sql.Append(" AND ").Append(FilterSql(field, $"@{field}_in"));
            if (query.Filters.Any(f => f.Field == field && f.Negated)) sql.Append(" AND NOT ").Append(FilterSql(field, $"@{field}_out"));
        }
        return sql.Append(')').ToString();
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

    private IReadOnlyList<string> SubstringPatterns =>
        text.Words.Where(w => w.Length >= 4).Take(MaxSubstringPatterns).Select(w => $"%{QueryWords.EscapeLike(QueryWords.Fold(w))}%").ToList();

    /// <summary>A page of hits after <paramref name="cursor"/>, with snippets and matched columns for that page only.</summary>
    public NpgsqlBatchCommand Page(SearchCursor? cursor, int limit)
    {
        var snippet = HasText
            ? $"ts_headline({Config}, translate(left(coalesce(nullif(d.description, ''), d.title, ''), 8192), E'\\u0002\\u0003', ''), to_tsquery({Config}, @any), @headline)"
            : "left(coalesce(nullif(d.description, ''), d.title, ''), 240)";
        var keyset = cursor is null ? "" : "WHERE score < @cursor_score OR (score = @cursor_score AND id > @cursor_id)";
        var command = new NpgsqlBatchCommand($"""
            {MatchedCte(withScore: true)}
            SELECT p.score, d.id, d.ref, d.kind, d.namespace, d.name, d.title, d.owner_ref, d.platform, d.classification,
                   d.deprecated, d.tags, {snippet} AS snippet,
                   ARRAY(SELECT c FROM unnest(d.columns) c WHERE search_fold(c) LIKE ANY (@column_patterns) LIMIT 5) AS matched_columns
            FROM (SELECT id, score FROM matched {keyset} ORDER BY score DESC, id LIMIT @limit) p
            JOIN search_documents d ON d.id = p.id
            ORDER BY p.score DESC, p.id
            """);
        AddParameters(command.Parameters);
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
    /// Counts per facet value among all matches (top <paramref name="perFacet"/> values per facet), and a
    /// <c>_candidates</c> row: when it reaches the cap, counts cover the capped candidates only.
    /// </summary>
    public NpgsqlBatchCommand Facets(int perFacet)
    {
        var command = new NpgsqlBatchCommand($"""
            {MatchedCte(withScore: false)}, counts AS (
                SELECT 'kind' AS field, kind AS value, count(*) AS n FROM matched GROUP BY kind
                UNION ALL SELECT 'platform', platform, count(*) FROM matched WHERE platform IS NOT NULL GROUP BY platform
                UNION ALL SELECT 'namespace', namespace, count(*) FROM matched GROUP BY namespace
                UNION ALL SELECT 'owner', owner_ref, count(*) FROM matched WHERE owner_ref IS NOT NULL GROUP BY owner_ref
                UNION ALL SELECT 'tag', tag, count(*) FROM matched, unnest(tag_keys) AS tag GROUP BY tag
                UNION ALL SELECT 'classification', classification, count(*) FROM matched GROUP BY classification
                UNION ALL SELECT '_candidates', '', count(*) FROM cand)
            SELECT field, value, n FROM (
                SELECT field, value, n, row_number() OVER (PARTITION BY field ORDER BY n DESC, value) AS position FROM counts) ranked
            WHERE position <= @per_facet
            ORDER BY field, n DESC, value
            """);
        AddParameters(command.Parameters);
        command.Parameters.AddWithValue("per_facet", perFacet);
        return command;
    }

    private void AddParameters(NpgsqlParameterCollection parameters)
    {
        parameters.AddWithValue("sees_everything", principal.SeesEverything);
        parameters.AddWithValue("principal_refs", principal.PrincipalRefs.ToArray());
        if (HasText)
        {
            parameters.AddWithValue("any", text.Any!);
            parameters.AddWithValue("any_name", string.Join(" | ", text.NameTerms.Select(t => $"({t})")));
            parameters.AddWithValue("cap", candidateCap);
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
    private static string FilterValue(string field, string value) => field switch
    {
        SearchFields.Namespace => value,
        SearchFields.Kind or SearchFields.Classification => value.ToLowerInvariant(),
        _ => QueryWords.Fold(value),
    };
}
