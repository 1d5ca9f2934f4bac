using System.Diagnostics;
using Npgsql;

namespace Catalog.Generator.Loading;

/// <summary>One binary COPY with progress (every 10,000 rows) and timing.</summary>
internal sealed class StageCopy(NpgsqlConnection connection, IProgress<GeneratorProgress>? progress)
{
    private const int ReportEvery = 10_000;

    public StageReport Run(string stage, string copySql, long expectedRows, Action<Rows> write)
    {
        var clock = Stopwatch.StartNew();
        using var importer = connection.BeginBinaryImport(copySql);
        var rows = new Rows(importer, stage, expectedRows, progress);
        progress?.Report(new GeneratorProgress(stage, 0, expectedRows));
        write(rows);
        importer.Complete();
        progress?.Report(new GeneratorProgress(stage, rows.Count, Math.Max(expectedRows, rows.Count)));
        return new StageReport(stage, rows.Count, clock.Elapsed);
    }

    /// <summary>The importer, counting rows as they start.</summary>
    public sealed class Rows(NpgsqlBinaryImporter importer, string stage, long total, IProgress<GeneratorProgress>? progress)
    {
        public long Count { get; private set; }

        public NpgsqlBinaryImporter Start()
        {
            importer.StartRow();
            if (++Count % ReportEvery == 0) progress?.Report(new GeneratorProgress(stage, Count, Math.Max(total, Count)));
            return importer;
        }
    }
}
