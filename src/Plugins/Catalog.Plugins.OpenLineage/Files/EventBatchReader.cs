using Catalog.Plugins.Harvesting;
using Catalog.Plugins.OpenLineage.Parsing;

namespace Catalog.Plugins.OpenLineage.Files;

/// <summary>Reads every event of one input into its batch; the shared path of files, replay and the HTTP endpoint.</summary>
public static class EventBatchReader
{
    /// <summary>
    /// Adds the input's events to the batch. Returns false when the batch was failed because nothing in the input was
    /// usable (the raw input is kept, marked failed); true when it should be committed (possibly with errors).
    /// </summary>
    public static async Task<bool> ReadAsync(HarvestInput input, IHarvestBatch batch, CancellationToken cancellationToken)
    {
        var usable = 0;
        HarvestError? firstRejection = null;
        var events = EventSplitter.Split(input.Content, input.Location);
        foreach (var split in events)
        {
            if (split.Event is not { } element)
            {
                var error = new HarvestError(input.Location, split.Error!) { Position = split.Position };
                firstRejection ??= error;
                batch.AddError(error);
                continue;
            }
            var parsed = OpenLineageParser.Parse(element);
            foreach (var (path, message) in parsed.Problems)
            {
                var error = new HarvestError(input.Location, $"{Rebase(path, split.PathPrefix)}: {message}") { Position = split.Position };
                if (!parsed.Usable) firstRejection ??= error;
                batch.AddError(error);
            }
            if (!parsed.Usable) continue;
            usable++;
            foreach (var item in parsed.Items) batch.Add(item);
        }
        if (usable > 0) return true;
        var reason = events.Count > 1
            ? $"none of the {events.Count} events could be used (first problem: {firstRejection?.Position}: {firstRejection?.Reason})"
            : firstRejection?.Reason ?? "no events found";
        await batch.FailAsync(new HarvestError(input.Location, reason) { Position = events.Count > 1 ? "file" : firstRejection?.Position }, cancellationToken);
        return false;
    }

    private static string Rebase(string path, string prefix) => prefix == "$" ? path : prefix + path[1..];
}
