using System.Text;
using System.Text.Json;

namespace Catalog.Web.SampleCatalog;

/// <summary>The OpenLineage RunEvents (2-0-2) a producer would send for a sample run: START, then COMPLETE with output statistics, or FAIL with an error message.</summary>
public static class SampleEvents
{
    private const string Producer = "https://github.com/OpenLineage/OpenLineage/tree/1.34.0/integration/airflow";
    private const string SchemaUrl = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";

    /// <param name="full">
    /// False for old history: the end event only, naming just the outputs (what storage cost needs), at about a third
    /// of the ingest work. Such runs have no start, so they count no compute and no duration.
    /// </param>
    public static IEnumerable<(DateTimeOffset Time, string Json)> Of(SampleRun run, double sizeScale, bool full = true)
    {
        if (full) yield return (run.Started, Event(run, "START", run.Started, sizeScale, full));
        yield return (run.Ended, Event(run, run.Fate == SampleRunFate.Failed ? "FAIL" : "COMPLETE", run.Ended, sizeScale, full));
    }

    private static string Event(SampleRun run, string type, DateTimeOffset time, double sizeScale, bool full)
    {
        var template = run.Job.Template;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("eventType", type);
            w.WriteString("eventTime", Time(time));
            w.WriteStartObject("run");
            w.WriteString("runId", run.RunId.ToString());
            w.WriteStartObject("facets");
            w.WriteStartObject("nominalTime");
            Facet(w, "NominalTimeRunFacet", "1-0-1");
            w.WriteString("nominalStartTime", Time(run.PeriodStart));
            w.WriteString("nominalEndTime", Time(run.PeriodEnd));
            w.WriteEndObject();
            if (type == "FAIL")
            {
                w.WriteStartObject("errorMessage");
                Facet(w, "ErrorMessageRunFacet", "1-0-1");
                w.WriteString("message", run.ErrorMessage);
                w.WriteString("programmingLanguage", "python");
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("producer", Producer);
            w.WriteString("schemaURL", SchemaUrl);
            w.WriteStartObject("job");
            w.WriteString("namespace", template.Namespace);
            w.WriteString("name", template.Name);
            if (full && template.JobFacetsJson is { } facets)
            {
                w.WritePropertyName("facets");
                w.WriteRawValue(facets);
            }
            w.WriteEndObject();
            // Datasets travel on the run's end only: that is where the statistics are, and it halves the work per run.
            if (type != "START") Datasets(w, run, type == "COMPLETE", sizeScale, full);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Datasets(Utf8JsonWriter w, SampleRun run, bool complete, double sizeScale, bool withInputs)
    {
        w.WriteStartArray("inputs");
        foreach (var (ns, name) in withInputs ? run.Job.Template.Inputs : [])
        {
            w.WriteStartObject();
            w.WriteString("namespace", ns);
            w.WriteString("name", name);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("outputs");
        foreach (var output in run.Job.Template.Outputs)
        {
            w.WriteStartObject();
            w.WriteString("namespace", output.Namespace);
            w.WriteString("name", output.Name);
            if (complete)
            {
                w.WriteStartObject("outputFacets");
                w.WriteStartObject("outputStatistics");
                Facet(w, "OutputStatisticsOutputDatasetFacet", "1-0-2");
                w.WriteNumber("rowCount", (long)(output.RowCount * run.SizeFactor * sizeScale));
                w.WriteNumber("size", (long)(output.Bytes * run.SizeFactor * sizeScale));
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Facet(Utf8JsonWriter w, string name, string version)
    {
        w.WriteString("_producer", Producer);
        w.WriteString("_schemaURL", $"https://openlineage.io/spec/facets/{version}/{name}.json#/$defs/{name}");
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
