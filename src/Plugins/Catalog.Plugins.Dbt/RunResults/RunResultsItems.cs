using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Catalog.Domain.Entities;
using Catalog.Domain.Quality;
using Catalog.Domain.Workflows;
using Catalog.Plugins.Dbt.Artifacts;
using Catalog.Plugins.Dbt.Manifest;
using Catalog.Plugins.Harvesting;

namespace Catalog.Plugins.Dbt.RunResults;

/// <summary>
/// run_results.json (schema v1–v6): each model/seed/snapshot result is a run of that node's build job, child of one
/// run for the whole invocation (<c>job:dbt:&lt;project&gt;</c>, run id = dbt's invocation_id). Each test result is a
/// quality outcome on the dataset the test is attached to, which needs the manifest (tests are named by unique_id only).
/// </summary>
public static class RunResultsItems
{
    public static (List<HarvestItem> Items, List<DbtProblem> Problems) Read(ReadOnlyMemory<byte> content, DbtManifest? manifest, DbtNaming naming)
    {
        using var document = DbtDocument.Parse(content);
        var root = document.RootElement;
        var metadata = root.Object("metadata");
        var generatedAt = metadata?.Time("generated_at") ?? DateTimeOffset.UnixEpoch;
        var invocation = Guid.TryParse(metadata?.String("invocation_id"), out var id) ? id : DeterministicGuid(Encoding.UTF8.GetString(content.Span));
        var items = new List<HarvestItem>();
        var problems = new List<DbtProblem>();
        if (!root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            throw new DbtArtifactException("$.results", "expected an array of results");

        var project = manifest?.Project;
        var unattachedTests = 0;
        var index = -1;
        DateTimeOffset? firstStart = null;
        var anyFailure = false;
        foreach (var result in results.EnumerateArray())
        {
            index++;
            var path = $"$.results[{index}]";
            var uniqueId = result.String("unique_id") ?? result.Object("node")?.String("unique_id");
            var status = result.String("status");
            if (uniqueId is null || status is null)
            {
                problems.Add(new DbtProblem(path, $"expected unique_id and status strings; {(uniqueId is null ? "unique_id" : "status")} is missing"));
                continue;
            }
            project ??= uniqueId.Split('.') is { Length: >= 3 } parts ? parts[1] : null;
            var (started, completed) = Timing(result);
            firstStart = Min(firstStart, started);
            var runId = DeterministicGuid($"{invocation}/{uniqueId}");
            var message = MetadataLimits.Truncate(result.String("message"), MetadataLimits.Reason);
            if (uniqueId.StartsWith("test.", StringComparison.Ordinal))
            {
                var test = manifest?.Tests.FirstOrDefault(t => t.UniqueId == uniqueId);
                if (test?.AttachedNode is null || !manifest!.Nodes.TryGetValue(test.AttachedNode, out var tested))
                {
                    unattachedTests++;
                    continue;
                }
                items.Add(new QualityResultFound(new QualityResult
                {
                    Dataset = naming.Dataset(tested),
                    CheckName = test.Name,
                    Column = test.Column,
                    Framework = "dbt",
                    Status = TestStatus(status),
                    ExecutedAt = completed ?? generatedAt,
                    Message = message is { Length: > 0 } ? message : $"{status}; failures: {Failures(result)}",
                    RunId = invocation,
                }));
                anyFailure |= status is "fail" or "error";
                continue;
            }
            var job = manifest?.Nodes.TryGetValue(uniqueId, out var node) == true && node.IsBuilt ? naming.Job(node) : naming.JobFromUniqueId(uniqueId);
            if (job is null) continue; // operations (hooks) and analyses are not catalog jobs
            if (manifest is null || !manifest.Nodes.ContainsKey(uniqueId))
                items.Add(new WorkflowFound(new Workflow { Entity = new CatalogEntity { Ref = job.Value, Platform = "dbt" }, JobType = "BATCH/DBT" }));
            var state = RunStateOf(status);
            anyFailure |= state == RunState.Failed;
            items.Add(new RunObserved(new Run
            {
                Id = runId,
                Job = job.Value,
                State = state,
                StartedAt = started,
                EndedAt = completed ?? (started is null ? null : generatedAt),
                ErrorMessage = state == RunState.Failed ? message : null,
                ParentRunId = invocation,
            }));
        }
        if (project is not null)
        {
            var invocationJob = naming.Invocation(project);
            items.Insert(0, new WorkflowFound(new Workflow { Entity = new CatalogEntity { Ref = invocationJob, Title = $"dbt {project}", Platform = "dbt" }, JobType = "BATCH/DBT" }));
            items.Insert(1, new RunObserved(new Run
            {
                Id = invocation,
                Job = invocationJob,
                State = anyFailure ? RunState.Failed : RunState.Completed,
                StartedAt = firstStart,
                EndedAt = generatedAt,
            }));
        }
        if (unattachedTests > 0)
            problems.Add(new DbtProblem("$.results", manifest is null
                ? $"{unattachedTests} test result(s) were not recorded: tests are named by unique_id only, and no manifest.json was found next to this file to say which dataset each test checks"
                : $"{unattachedTests} test result(s) name tests the manifest does not define (or that are attached to no dataset); they were not recorded"));
        return (items, problems);
    }

    private static (DateTimeOffset? Started, DateTimeOffset? Completed) Timing(JsonElement result)
    {
        DateTimeOffset? started = null, completed = null;
        foreach (var step in result.Array("timing"))
        {
            started = Min(started, step.Time("started_at"));
            if (step.Time("completed_at") is { } end && (completed is null || end > completed)) completed = end;
        }
        return (started, completed);
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a < b ? a : b);

    private static string Failures(JsonElement result) =>
        result.TryGetProperty("failures", out var f) && f.ValueKind == JsonValueKind.Number ? f.GetRawText() : "unknown";

    /// <summary>dbt node statuses: success / error / skipped (runs); pass / fail / warn / error / skipped (tests).</summary>
    public static RunState RunStateOf(string status) => status switch
    {
        "success" or "pass" => RunState.Completed,
        "error" or "fail" or "runtime error" => RunState.Failed,
        // A skipped node never ran (an upstream failed): closest is an aborted run.
        "skipped" => RunState.Aborted,
        _ => RunState.Completed,
    };

    public static QualityStatus TestStatus(string status) => status switch
    {
        "pass" or "success" => QualityStatus.Passed,
        "warn" => QualityStatus.Warned,
        "fail" => QualityStatus.Failed,
        "skipped" => QualityStatus.Skipped,
        _ => QualityStatus.Errored,
    };

    /// <summary>A stable run id from text (dbt has no per-node run id): re-harvesting the same file yields the same ids.</summary>
    public static Guid DeterministicGuid(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        hash[6] = (byte)((hash[6] & 0x0f) | 0x50); // version 5-style
        hash[8] = (byte)((hash[8] & 0x3f) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
