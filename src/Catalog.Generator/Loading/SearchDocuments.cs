using System.Diagnostics;
using Npgsql;

namespace Catalog.Generator.Loading;

/// <summary>
/// Builds search documents for the generated entities with the search migration's own
/// <c>search_refresh_documents</c> (what the search engine's rebuild calls), in batches with progress. Used when
/// the load skipped the triggers; documents then include popularity from the lineage, runs and partitions.
/// </summary>
internal static class SearchDocuments
{
    private const int Batch = 2_000;

    public static StageReport Rebuild(NpgsqlConnection connection, ReadOnlySpan<long> ids, IProgress<GeneratorProgress>? progress)
    {
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < ids.Length; start += Batch)
        {
            using var command = new NpgsqlCommand("SELECT search_refresh_documents(@ids)", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("ids", ids.Slice(start, Math.Min(Batch, ids.Length - start)).ToArray());
            command.ExecuteNonQuery();
            progress?.Report(new GeneratorProgress("search documents", Math.Min(start + Batch, ids.Length), ids.Length));
        }
        return new StageReport("search documents", ids.Length, clock.Elapsed);
    }
}
