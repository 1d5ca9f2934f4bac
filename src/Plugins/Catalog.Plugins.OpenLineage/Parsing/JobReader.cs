using System.Text.Json;
using Catalog.Domain.Entities;
using Catalog.Domain.Workflows;
using Catalog.Plugins.Harvesting;

namespace Catalog.Plugins.OpenLineage.Parsing;

/// <summary>The job of an event and its facets: documentation, sql, jobType, sourceCodeLocation, ownership.</summary>
internal static class JobReader
{
    private static readonly HashSet<string> Modelled = ["documentation", "sql", "jobType", "sourceCodeLocation", "ownership"];

    public static EntityRef? Ref(JsonNode job, ParseProblems problems)
    {
        var ns = problems.String(job, "namespace", required: true);
        var name = problems.String(job, "name", required: true);
        if (ns is null || name is null) return null;
        if (ns.Length > EntityRef.MaxPartLength || name.Length > EntityRef.MaxPartLength)
        {
            problems.Add(job.Path, $"job namespace and name must be at most {EntityRef.MaxPartLength} characters");
            return null;
        }
        return EntityRef.Job(ns, name);
    }

    public static IEnumerable<HarvestItem> Read(JsonNode job, EntityRef jobRef, ParseProblems problems)
    {
        string? description = null, sql = null, jobType = null, sourceUrl = null;
        IReadOnlyList<EntityRef> owners = [];
        var unknown = new List<HarvestItem>();
        foreach (var (name, facet) in Facets.Of(job, "facets", problems))
        {
            switch (name)
            {
                case "documentation": description = problems.String(facet, "description"); break;
                case "sql": sql = problems.String(facet, "query"); break;
                case "jobType": jobType = JobType(facet, problems); break;
                case "sourceCodeLocation": sourceUrl = problems.String(facet, "url"); break;
                case "ownership": owners = Facets.Owners(facet, problems); break;
            }
            if (!Modelled.Contains(name)) unknown.Add(new FacetFound(jobRef, name, facet.Element.Clone()));
        }
        yield return new WorkflowFound(new Workflow
        {
            Entity = new CatalogEntity { Ref = jobRef, Description = description, Owner = owners.Count > 0 ? owners[0] : null },
            JobType = jobType,
            Sql = sql,
            SourceCodeUrl = sourceUrl,
        });
        foreach (var owner in owners) yield return new RelationFound(jobRef, "ownedBy", owner);
        foreach (var item in unknown) yield return item;
    }

    // "BATCH/SPARK/JOB": processing type, integration and job type, whichever are present.
    private static string? JobType(JsonNode facet, ParseProblems problems)
    {
        var parts = new[] { problems.String(facet, "processingType"), problems.String(facet, "integration"), problems.String(facet, "jobType") }
            .Where(p => p is not null).ToArray();
        return parts.Length == 0 ? null : string.Join('/', parts);
    }
}

/// <summary>Run facets read into the run: nominalTime, parent, errorMessage. The rest are kept verbatim.</summary>
internal sealed class RunFacets
{
    private static readonly HashSet<string> Modelled = ["nominalTime", "parent", "errorMessage"];

    public DateTimeOffset? NominalStart { get; private set; }
    public DateTimeOffset? NominalEnd { get; private set; }
    public string? ErrorMessage { get; private set; }
    public Guid? ParentRunId { get; private set; }
    public EntityRef? ParentJob { get; private set; }
    public List<(string Name, JsonElement Value)> Unknown { get; } = [];

    public static RunFacets Read(JsonNode run, ParseProblems problems)
    {
        var facets = new RunFacets();
        foreach (var (name, facet) in Facets.Of(run, "facets", problems))
        {
            switch (name)
            {
                case "nominalTime":
                    facets.NominalStart = Time(facet, "nominalStartTime", problems);
                    facets.NominalEnd = Time(facet, "nominalEndTime", problems);
                    break;
                case "errorMessage":
                    facets.ErrorMessage = problems.String(facet, "message");
                    break;
                case "parent":
                    if (problems.Object(facet, "run") is { } parentRun && problems.String(parentRun, "runId") is { } parentRunId)
                        facets.ParentRunId = RunIds.FromOpenLineage(parentRunId);
                    if (problems.Object(facet, "job") is { } parentJob) facets.ParentJob = JobReader.Ref(parentJob, problems);
                    break;
            }
            if (!Modelled.Contains(name)) facets.Unknown.Add((name, facet.Element.Clone()));
        }
        return facets;
    }

    private static DateTimeOffset? Time(JsonNode facet, string name, ParseProblems problems)
    {
        var text = problems.String(facet, name);
        if (text is null) return null;
        if (Timestamps.TryParse(text, out var time)) return time;
        problems.Add($"{facet.Path}.{name}", $"expected an ISO-8601 date-time, got '{OpenLineageParser.Truncate(text)}'");
        return null;
    }
}
