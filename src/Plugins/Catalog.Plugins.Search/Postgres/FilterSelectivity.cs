using Catalog.Plugins.Search.Query;
using Npgsql;

namespace Catalog.Plugins.Search.Postgres;

/// <summary>
/// The fraction of documents a query's <c>field:value</c> filters keep, from the planner's statistics of
/// <c>search_documents</c> (<c>pg_stats</c>: most common values and their frequencies for scalar columns, most
/// common elements for the tag and column arrays), the way PostgreSQL estimates an equality itself. It tells
/// <see cref="SearchSql"/> how many rows a scan must read, or a bitmap must fetch, to find <c>@cap</c> filtered
/// matches: <c>platform:postgres</c> keeps a third of the catalog, <c>namespace:x</c> one document in 200, and a
/// fixed guess picks the wrong plan for one of them. Negated filters keep most rows and are not counted.
/// </summary>
internal static class FilterSelectivity
{
    /// <summary>The guess for a field without statistics (a database never analysed).</summary>
    public const double Unknown = 1.0 / 4;

    // A value outside an array column's most common elements: what PostgreSQL assumes (DEFAULT_CONTAIN_SEL).
    private const double RareElement = 0.005;

    private static readonly IReadOnlyDictionary<string, string> Columns = new Dictionary<string, string>
    {
        [SearchFields.Kind] = "kind",
        [SearchFields.Owner] = "owner_key",
        [SearchFields.Tag] = "tag_keys",
        [SearchFields.Platform] = "platform_key",
        [SearchFields.Namespace] = "namespace",
        [SearchFields.Classification] = "classification",
        [SearchFields.Column] = "column_keys",
    };

    /// <summary>The estimated fraction kept by every positive filter together (fields assumed independent); 1 without filters.</summary>
    public static async Task<double> FindAsync(NpgsqlConnection connection, SearchQuery query, CancellationToken cancellationToken)
    {
        var filters = query.Filters.Where(f => !f.Negated).GroupBy(f => f.Field)
            .ToDictionary(g => Columns[g.Key], g => g.Select(f => SearchSql.FilterValue(f.Field, f.Value)).Distinct().ToArray());
        if (filters.Count == 0) return 1;
        await using var command = new NpgsqlCommand("""
            SELECT s.attname::text, s.null_frac::float8, s.n_distinct::float8,
                   CASE WHEN s.attname IN ('tag_keys', 'column_keys') THEN s.most_common_elems::text::text[] ELSE s.most_common_vals::text::text[] END,
                   CASE WHEN s.attname IN ('tag_keys', 'column_keys') THEN s.most_common_elem_freqs ELSE s.most_common_freqs END::float8[],
                   s.attname IN ('tag_keys', 'column_keys'),
                   (SELECT greatest(reltuples, 0)::float8 FROM pg_class WHERE oid = 'search_documents'::regclass)
            FROM pg_stats s
            WHERE s.schemaname = current_schema() AND s.tablename = 'search_documents' AND s.attname = ANY(@columns)
            """, connection);
        command.Parameters.AddWithValue("columns", filters.Keys.ToArray());
        var kept = filters.Keys.ToDictionary(c => c, _ => Unknown);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var column = reader.GetString(0);
            var values = reader.IsDBNull(3) ? [] : reader.GetFieldValue<string[]>(3);
            var frequencies = reader.IsDBNull(4) ? [] : reader.GetFieldValue<double[]>(4);
            var common = values.Zip(frequencies).ToDictionary(p => p.First, p => p.Second);
            kept[column] = reader.GetBoolean(5)
                ? Elements(filters[column], common)
                : Scalars(filters[column], common, reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(6));
        }
        return kept.Values.Aggregate(1.0, (product, fraction) => product * fraction);
    }

    /// <summary>Equality with any of <paramref name="wanted"/>: a common value's own frequency, else an equal share of the rest.</summary>
    public static double Scalars(IEnumerable<string> wanted, IReadOnlyDictionary<string, double> common, double nullFraction, double distinct, double rows)
    {
        // n_distinct < 0 is a share of the rows (-0.5: half the rows are distinct).
        var distinctValues = distinct < 0 ? -distinct * rows : distinct;
        var rest = Math.Max(0, 1 - nullFraction - common.Values.Sum());
        var perOther = rest / Math.Max(1, distinctValues - common.Count);
        return Math.Min(1, wanted.Sum(v => common.TryGetValue(v, out var f) ? f : perOther));
    }

    /// <summary>Overlap with any of <paramref name="wanted"/> (<c>&amp;&amp;</c>): each element's frequency, summed.</summary>
    public static double Elements(IEnumerable<string> wanted, IReadOnlyDictionary<string, double> common) =>
        // most_common_elem_freqs ends with three extra numbers (min, max, null share); Zip above drops them.
        Math.Min(1, wanted.Sum(v => common.TryGetValue(v, out var f) ? f : Math.Min(RareElement, common.Count > 0 ? common.Values.Min() / 2 : RareElement)));
}
