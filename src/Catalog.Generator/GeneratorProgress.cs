namespace Catalog.Generator;

/// <summary>Where a generation is: the stage (table being loaded) and rows done of the stage's total.</summary>
public sealed record GeneratorProgress(string Stage, long Done, long Total);

/// <summary>One stage of a generation: rows written and how long it took.</summary>
public sealed record StageReport(string Stage, long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Rows / Elapsed.TotalSeconds;
}

/// <summary>What a generation loaded, per stage, and whether search documents came from triggers or a rebuild.</summary>
public sealed record GenerationReport(string Profile, int Seed, SearchIndexing Search, IReadOnlyList<StageReport> Stages, TimeSpan Elapsed)
{
    public long Rows => Stages.Sum(s => s.Rows);
    public double RowsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Rows / Elapsed.TotalSeconds;
}

/// <summary>
/// How search documents are built for the generated entities. <see cref="Triggers"/>: the search migration's
/// statement-level triggers fire on every COPY (documents are rebuilt once per table loaded).
/// <see cref="Rebuild"/>: triggers are skipped for the loading session (<c>session_replication_role = replica</c>,
/// superuser only) and documents are built once at the end with the search engine's own refresh function.
/// </summary>
public enum SearchIndexing { Rebuild, Triggers }
