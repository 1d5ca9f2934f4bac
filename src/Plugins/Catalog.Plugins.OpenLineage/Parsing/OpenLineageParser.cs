using System.Text.Json;
using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Domain.Workflows;
using Catalog.Plugins.Harvesting;

namespace Catalog.Plugins.OpenLineage.Parsing;

/// <summary>
/// Reads RunEvent, DatasetEvent and JobEvent (OpenLineage 1.x and 2.x) into catalog items. Lenient where the
/// meaning is clear (missing producer, times without a zone, non-UUID runIds as Marquez does) and precise where it
/// is not: every rejected part is a problem naming its JSON path and what was expected.
/// </summary>
public static class OpenLineageParser
{
    public static ParsedEvent Parse(JsonElement root)
    {
        var problems = new ParseProblems();
        var items = new List<HarvestItem>();
        var node = new JsonNode(root, "$");
        if (!node.IsObject)
        {
            problems.Add("$", $"expected an OpenLineage event object, got {JsonNode.Describe(root.ValueKind)}");
            return Result(false, items, problems);
        }
        if (StorableText.FindNul(root, "$") is { } nul)
        {
            problems.Add(nul, "contains a NUL character (U+0000), which the catalog cannot store; the event is rejected (remove the character and send it again)");
            return Result(false, items, problems);
        }
        TemplatePlaceholders.Find(node, problems);
        if (problems.All.Count > 0) return Result(false, items, problems);
        var isRunEvent = node["run"] is not null;
        if (!isRunEvent && node["dataset"] is null && node["job"] is null)
        {
            problems.Add("$", "expected a RunEvent (with run and job), a DatasetEvent (with dataset) or a JobEvent (with job)");
            return Result(false, items, problems);
        }
        // The spec's BaseEvent requires eventTime of every event; without it a run has no start or end and a dataset
        // event no moment, so the event is rejected rather than dated by when it happened to arrive.
        var eventTime = ReadEventTime(node, problems);
        if (isRunEvent) return Result(ReadRunEvent(node, eventTime, items, problems), items, problems);
        if (eventTime is null) return Result(false, items, problems);
        if (node["dataset"] is not null) return Result(ReadDatasetEvent(node, items, problems), items, problems);
        return Result(ReadJobEvent(node, eventTime.Value, items, problems), items, problems);
    }

    private static bool ReadRunEvent(JsonNode root, DateTimeOffset? eventTime, List<HarvestItem> items, ParseProblems problems)
    {
        var run = problems.Object(root, "run", required: true);
        var job = problems.Object(root, "job", required: true);
        var runIdText = run is { } r ? problems.String(r, "runId", required: true) : null;
        var jobRef = job is { } j ? JobReader.Ref(j, problems) : null;
        if (run is null || jobRef is null || runIdText is null || eventTime is null) return false;

        var runId = RunIds.FromOpenLineage(runIdText);
        var eventTypeText = problems.String(root, "eventType");
        var state = RunStates.FromOpenLineageEventType(eventTypeText);
        if (eventTypeText is not null && state is null && !eventTypeText.Equals("OTHER", StringComparison.OrdinalIgnoreCase))
            problems.Add("$.eventType", $"expected START, RUNNING, COMPLETE, FAIL, ABORT or OTHER, got '{eventTypeText}'; the run state is left unchanged");

        var runFacets = RunFacets.Read(run.Value, problems);
        items.AddRange(JobReader.Read(job!.Value, jobRef.Value, problems));
        items.Add(new RunObserved(new Run
        {
            Id = runId,
            Job = jobRef.Value,
            State = state ?? RunState.New,
            StartedAt = state == RunState.Running ? eventTime : null,
            EndedAt = state is { } s && s.IsTerminal() ? eventTime : null,
            NominalStart = runFacets.NominalStart,
            NominalEnd = runFacets.NominalEnd,
            ErrorMessage = runFacets.ErrorMessage,
            ParentRunId = runFacets.ParentRunId,
        }));
        if (runFacets.ParentJob is { } parentJob && parentJob != jobRef.Value)
            items.Add(new RelationFound(jobRef.Value, "partOf", parentJob));
        foreach (var (name, value) in runFacets.Unknown) items.Add(new FacetFound(jobRef.Value, $"run.{name}", value));

        var context = new DatasetContext(jobRef.Value, runId, eventTime.Value, runFacets.NominalStart, runFacets.NominalEnd);
        ReadDatasets(root, "inputs", LineageEdgeKind.Reads, context, items, problems);
        ReadDatasets(root, "outputs", LineageEdgeKind.Writes, context, items, problems);
        return true;
    }

    private static bool ReadJobEvent(JsonNode root, DateTimeOffset eventTime, List<HarvestItem> items, ParseProblems problems)
    {
        var job = problems.Object(root, "job", required: true);
        var jobRef = job is { } j ? JobReader.Ref(j, problems) : null;
        if (jobRef is null) return false;
        items.AddRange(JobReader.Read(job!.Value, jobRef.Value, problems));
        var context = new DatasetContext(jobRef.Value, null, eventTime, null, null);
        ReadDatasets(root, "inputs", LineageEdgeKind.Reads, context, items, problems);
        ReadDatasets(root, "outputs", LineageEdgeKind.Writes, context, items, problems);
        return true;
    }

    private static bool ReadDatasetEvent(JsonNode root, List<HarvestItem> items, ParseProblems problems)
    {
        var dataset = problems.Object(root, "dataset", required: true);
        if (dataset is null) return false;
        var read = DatasetReader.Read(dataset.Value, DatasetRole.Static, null, problems);
        if (read is null) return false;
        items.AddRange(read.Items);
        return true;
    }

    private static void ReadDatasets(JsonNode root, string property, LineageEdgeKind kind, DatasetContext context, List<HarvestItem> items, ParseProblems problems)
    {
        var role = kind == LineageEdgeKind.Reads ? DatasetRole.Input : DatasetRole.Output;
        foreach (var dataset in problems.Array(root, property))
        {
            if (!dataset.IsObject)
            {
                problems.Add(dataset.Path, $"expected a dataset object, got {JsonNode.Describe(dataset.Kind)}");
                continue;
            }
            var read = DatasetReader.Read(dataset, role, context, problems);
            if (read is null) continue;
            items.AddRange(read.Items);
            items.Add(new LineageFound(kind == LineageEdgeKind.Reads
                ? new LineageEdge(read.Ref, context.Job, kind) { RunId = context.RunId }
                : new LineageEdge(context.Job, read.Ref, kind) { RunId = context.RunId }));
        }
    }

    private static DateTimeOffset? ReadEventTime(JsonNode root, ParseProblems problems)
    {
        var text = problems.String(root, "eventTime");
        if (text is null)
        {
            if (root["eventTime"] is null) problems.Add("$.eventTime", "is required (OpenLineage BaseEvent): expected an ISO-8601 date-time");
            return null;
        }
        if (Timestamps.TryParse(text, out var time)) return time;
        problems.Add("$.eventTime", $"expected an ISO-8601 date-time, got '{Truncate(text)}'");
        return null;
    }

    internal static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static ParsedEvent Result(bool usable, List<HarvestItem> items, ParseProblems problems) =>
        new(usable, usable ? items : [], problems.All);
}

/// <summary>What a dataset inside a run or job event needs to know about the event.</summary>
internal sealed record DatasetContext(EntityRef Job, Guid? RunId, DateTimeOffset EventTime, DateTimeOffset? NominalStart, DateTimeOffset? NominalEnd);

internal enum DatasetRole { Input, Output, Static }
