using Catalog.Plugins.Harvesting;
using Catalog.Plugins.OpenLineage.Parsing;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.OpenLineage.Files;

/// <summary>
/// Harvests OpenLineage events from files: a file with one event, a JSON array or NDJSON; a directory recursively
/// (<c>*.json</c>, <c>*.jsonl</c>, <c>*.ndjson</c>). Each file is one input (delta: events only add to the catalog).
/// A bad event or line becomes an error naming its position and JSON path; the file's other events still land.
/// </summary>
public sealed class OpenLineageFileHarvester(IOptions<OpenLineageOptions> options) : IReplayableHarvester
{
    public const string HarvesterKind = "openlineage";
    private static readonly string[] Extensions = [".json", ".jsonl", ".ndjson"];

    public string Kind => HarvesterKind;

    public string Description => "OpenLineage events from a file (one event, a JSON array or NDJSON) or a directory tree";

    public async Task HarvestAsync(HarvestContext context, CancellationToken cancellationToken)
    {
        var files = FindFiles(context.Target);
        if (files is null)
        {
            await context.Sink.ReportErrorAsync(new HarvestError(context.Target, "no such file or directory"), cancellationToken);
            return;
        }
        var done = 0;
        context.Progress.Report(new HarvestProgress(0, files.Count));
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = options.Value.FileParallelism, CancellationToken = cancellationToken },
            async (file, ct) =>
            {
                await HarvestFileAsync(context.Sink, file, ct);
                context.Progress.Report(new HarvestProgress(Interlocked.Increment(ref done), files.Count, file));
            });
    }

    public Task ReadAsync(HarvestInput input, IHarvestBatch batch, CancellationToken cancellationToken) =>
        EventBatchReader.ReadAsync(input, batch, cancellationToken);

    private async Task HarvestFileAsync(IHarvestSink sink, string file, CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(file, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await sink.ReportErrorAsync(new HarvestError(file, $"could not be read: {e.Message}"), cancellationToken);
            return;
        }
        var input = new HarvestInput(file, content, file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json" : "application/x-ndjson")
        { Mode = HarvestMode.Delta };
        var batch = await sink.BeginInputAsync(input, cancellationToken);
        if (batch is null) return;
        await using (batch)
        {
            if (await EventBatchReader.ReadAsync(input, batch, cancellationToken))
                await batch.CommitAsync(cancellationToken);
        }
    }

    private static List<string>? FindFiles(string target)
    {
        if (File.Exists(target)) return [Path.GetFullPath(target)];
        if (!Directory.Exists(target)) return null;
        return Directory.EnumerateFiles(Path.GetFullPath(target), "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
