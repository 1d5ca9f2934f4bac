using System.Text.Json;

namespace Catalog.Web.SampleCatalog;

/// <summary>One output of a sample job and the size of the slice one run writes (median of the template runs).</summary>
public sealed record SampleOutput(string Namespace, string Name, long RowCount, long Bytes);

/// <summary>
/// What one sample job reads and writes and how long a run takes, learnt from the run events in
/// <c>samples/catalog/openlineage/*.ndjson</c> (a recorded day of the platform): the scheduler repeats those runs.
/// </summary>
public sealed record SampleJobTemplate(
    string Namespace, string Name, string? JobFacetsJson, IReadOnlyList<(string Namespace, string Name)> Inputs,
    IReadOnlyList<SampleOutput> Outputs, TimeSpan Duration);

public static class SampleJobTemplates
{
    /// <summary>Reads every <c>*.ndjson</c> in <paramref name="folder"/>; keyed by <c>namespace/name</c> of the job.</summary>
    public static IReadOnlyDictionary<string, SampleJobTemplate> Read(string folder)
    {
        var jobs = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return new Dictionary<string, SampleJobTemplate>();
        foreach (var file in Directory.GetFiles(folder, "*.ndjson").Order(StringComparer.Ordinal))
            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                using var document = JsonDocument.Parse(line);
                Add(jobs, document.RootElement);
            }
        return jobs.ToDictionary(j => j.Key, j => j.Value.Build(), StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, Accumulator> jobs, JsonElement e)
    {
        var job = e.GetProperty("job");
        var (ns, name) = (job.GetProperty("namespace").GetString()!, job.GetProperty("name").GetString()!);
        var key = $"{ns}/{name}";
        if (!jobs.TryGetValue(key, out var a)) jobs[key] = a = new Accumulator(ns, name);
        if (job.TryGetProperty("facets", out var facets)) a.JobFacetsJson ??= facets.GetRawText();
        var runId = e.GetProperty("run").GetProperty("runId").GetString()!;
        var time = e.GetProperty("eventTime").GetDateTimeOffset();
        if (e.GetProperty("eventType").GetString() == "START") a.Starts[runId] = time;
        else if (a.Starts.TryGetValue(runId, out var started)) a.Durations.Add(time - started);
        foreach (var input in Array(e, "inputs"))
            a.Inputs.Add((input.GetProperty("namespace").GetString()!, input.GetProperty("name").GetString()!));
        foreach (var output in Array(e, "outputs"))
        {
            var dataset = (output.GetProperty("namespace").GetString()!, output.GetProperty("name").GetString()!);
            if (!a.Outputs.TryGetValue(dataset, out var sizes)) a.Outputs[dataset] = sizes = [];
            if (output.TryGetProperty("outputFacets", out var of) && of.TryGetProperty("outputStatistics", out var stats))
                sizes.Add((stats.GetProperty("rowCount").GetInt64(), stats.GetProperty("size").GetInt64()));
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private sealed class Accumulator(string ns, string name)
    {
        public string? JobFacetsJson;
        public readonly Dictionary<string, DateTimeOffset> Starts = new(StringComparer.Ordinal);
        public readonly List<TimeSpan> Durations = [];
        public readonly HashSet<(string, string)> Inputs = [];
        public readonly Dictionary<(string Namespace, string Name), List<(long Rows, long Bytes)>> Outputs = [];

        public SampleJobTemplate Build() => new(ns, name, JobFacetsJson, [.. Inputs.Order()],
            [.. Outputs.Where(o => o.Value.Count > 0).OrderBy(o => o.Key).Select(o => new SampleOutput(o.Key.Namespace, o.Key.Name,
                Median(o.Value.Select(v => v.Rows)), Median(o.Value.Select(v => v.Bytes))))],
            Durations.Count == 0 ? TimeSpan.FromMinutes(10) : TimeSpan.FromTicks(Median(Durations.Select(d => d.Ticks))));

        private static long Median(IEnumerable<long> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }
    }
}
