namespace Catalog.Plugins.Search.Postgres;

/// <summary>How one tsvector match is evaluated (see <see cref="MatchCosts"/>).</summary>
internal enum MatchPlan
{
    /// <summary>No statistics yet (a database never analysed): leave the choice to PostgreSQL.</summary>
    Planner,
    /// <summary>The test as a function call (<c>ts_match_vq</c>, what <c>@@</c> calls) that no index can take: rows are read until enough match.</summary>
    Scan,
    /// <summary>The GIN index, which collects every posting of every word (prefix-matched words included) first.</summary>
    Index,
    /// <summary>The index with each term cut to its rarest word (a superset), then the whole query checked on those rows.</summary>
    Narrow,
}

/// <summary>
/// The cost model that picks a <see cref="MatchPlan"/>. Costs from EXPLAIN ANALYZE on the 1 M benchmark catalog:
/// adding a GIN posting to a bitmap ≈ 0.7 µs, reading a row in a sequential scan and matching its tsvector ≈ 1.7 µs,
/// fetching a row by bitmap (random page, detoast) and matching it ≈ 20 µs. Filters make every plan read more rows
/// per match kept: 1 / filterSelectivity.
/// </summary>
internal static class MatchCosts
{
    private const double PostingMicroseconds = 0.7, ScannedRowMicroseconds = 1.7, FetchedRowMicroseconds = 20;

    /// <param name="documents">Documents in the table (0: never analysed).</param>
    /// <param name="fraction">Share of documents the match is expected to keep.</param>
    /// <param name="filterSelectivity">Share the other conditions (filters) keep.</param>
    /// <param name="postingsFraction">Postings the index collects, as a share of the documents (each word's own).</param>
    /// <param name="narrowFraction">Share matching the rarest words only; infinity when there is no narrow plan.</param>
    /// <param name="rowsWanted">Matches wanted (the branch's LIMIT).</param>
    public static MatchPlan Choose(double documents, double fraction, double filterSelectivity, double postingsFraction, double narrowFraction, int rowsWanted)
    {
        if (documents <= 0) return MatchPlan.Planner;
        var kept = fraction * filterSelectivity;
        var scanCost = kept <= 0 ? double.MaxValue : Math.Min(documents, rowsWanted / kept) * ScannedRowMicroseconds;
        var fetched = filterSelectivity <= 0 ? fraction * documents : Math.Min(fraction * documents, rowsWanted / filterSelectivity);
        var indexCost = postingsFraction * documents * PostingMicroseconds + fetched * FetchedRowMicroseconds;
        var narrowCost = narrowFraction * documents * (PostingMicroseconds + FetchedRowMicroseconds);
        if (scanCost < indexCost && scanCost < narrowCost) return MatchPlan.Scan;
        return indexCost <= narrowCost ? MatchPlan.Index : MatchPlan.Narrow;
    }
}
