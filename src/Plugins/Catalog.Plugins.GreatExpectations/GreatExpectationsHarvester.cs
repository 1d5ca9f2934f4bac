using System.Text.Json;
using Catalog.Domain.Entities;
using Catalog.Domain.Quality;
using Catalog.Plugins.Harvesting;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.GreatExpectations;

/// <summary>
/// Harvests Great Expectations JSON from a file or a directory tree: validation results (an
/// ExpectationSuiteValidationResult, or a ValidationOperatorResult / checkpoint result holding several under
/// <c>run_results</c>) become quality outcomes on the validated dataset (see <see cref="DatasetNaming"/>); an
/// expectation whose evaluation raised an exception is <see cref="QualityStatus.Errored"/>. Expectation suites become
/// a <c>qualityChecks</c> facet. Option <c>dataset</c> (<c>namespace:name</c>) names the dataset explicitly.
/// </summary>
public sealed class GreatExpectationsHarvester(IOptions<GreatExpectationsOptions> options) : IReplayableHarvester
{
    public string Kind => "great_expectations";

    public string Description => "Great Expectations validation results and expectation suites";

    public async Task HarvestAsync(HarvestContext context, CancellationToken cancellationToken)
    {
        string[] files;
        if (Directory.Exists(context.Target)) files = Directory.EnumerateFiles(context.Target, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        else if (File.Exists(context.Target)) files = [context.Target];
        else
        {
            await context.Sink.ReportErrorAsync(new HarvestError(context.Target, "no such file or directory"), cancellationToken);
            return;
        }
        context.Options.TryGetValue("dataset", out var datasetOverride);
        for (var i = 0; i < files.Length; i++)
        {
            context.Progress.Report(new HarvestProgress(i, files.Length, files[i]));
            await HarvestFileAsync(context.Sink, Path.GetFullPath(files[i]), datasetOverride, cancellationToken);
        }
        context.Progress.Report(new HarvestProgress(files.Length, files.Length));
    }

    private async Task HarvestFileAsync(IHarvestSink sink, string path, string? datasetOverride, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        await using var batch = await sink.BeginInputAsync(new HarvestInput(path, content), cancellationToken);
        if (batch is null) return;
        if (await ReadAsync(path, content, datasetOverride, batch, cancellationToken)) await batch.CommitAsync(cancellationToken);
    }

    /// <summary>Replays one stored file (the <c>dataset</c> option of the original run is not known: names come from the file).</summary>
    public async Task ReadAsync(HarvestInput input, IHarvestBatch batch, CancellationToken cancellationToken) =>
        await ReadAsync(input.Location, input.Content, null, batch, cancellationToken);

    /// <summary>Fills the batch, or fails it and returns false.</summary>
    private async Task<bool> ReadAsync(string path, ReadOnlyMemory<byte> content, string? datasetOverride, IHarvestBatch batch, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            var span = content;
            if (span.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
            document = JsonDocument.Parse(span);
        }
        catch (JsonException error)
        {
            await batch.FailAsync(new HarvestError(path, $"not valid JSON: {error.Message.Split(" LineNumber:")[0]}")
            { Position = $"line {(error.LineNumber ?? 0) + 1}, column {(error.BytePositionInLine ?? 0) + 1}" }, cancellationToken);
            return false;
        }
        using (document)
        {
            var root = document.RootElement;
            var reader = new ResultReader(batch, path, options.Value.DefaultNamespace, datasetOverride);
            if (root.Obj("run_results") is { } runResults) reader.ReadOperatorResult(runResults);
            else if (IsValidation(root)) reader.ReadValidation(root, "$");
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("expectations", out var expectations) && expectations.ValueKind == JsonValueKind.Array) reader.ReadSuite(root);
            else
            {
                await batch.FailAsync(new HarvestError(path, "not a Great Expectations validation result (no \"results\" or \"run_results\") or expectation suite (no \"expectations\")") { Position = "$" }, cancellationToken);
                return false;
            }
            reader.Flush();
        }
        return true;
    }

    /// <summary>A results array alone is not enough (dbt's run_results has one): GE adds statistics and names the suite.</summary>
    private static bool IsValidation(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array
        && (root.TryGetProperty("statistics", out _) || root.Str("suite_name") is not null || root.Obj("meta")?.Str("expectation_suite_name") is not null);

    private sealed class ResultReader(IHarvestBatch batch, string path, string defaultNamespace, string? datasetOverride)
    {
        private readonly HashSet<EntityRef> announced = [];
        private readonly Dictionary<(EntityRef, string, DateTimeOffset), QualityResult> outcomes = [];

        /// <summary>
        /// One outcome per dataset, check and time (the catalog's identity of an outcome). An operator result may hold
        /// the same validation twice; the worse status is kept.
        /// </summary>
        public void Flush()
        {
            foreach (var outcome in outcomes.Values) batch.Add(new QualityResultFound(outcome));
        }

        private void Record(QualityResult result)
        {
            var key = (result.Dataset, result.CheckName, result.ExecutedAt);
            if (!outcomes.TryGetValue(key, out var known) || Severity(result.Status) > Severity(known.Status)) outcomes[key] = result;
        }

        private static int Severity(QualityStatus status) => status switch
        {
            QualityStatus.Errored => 4,
            QualityStatus.Failed => 3,
            QualityStatus.Warned => 2,
            QualityStatus.Passed => 1,
            _ => 0,
        };

        /// <summary>Names the dataset once per file (no fields, nothing else) so outcomes have an entity to land on.</summary>
        private void Announce(EntityRef dataset)
        {
            if (announced.Add(dataset))
                batch.Add(new DatasetFound(new Domain.Datasets.Dataset { Entity = new CatalogEntity { Ref = dataset } }) { FieldsComplete = false });
        }

        public void ReadOperatorResult(JsonElement runResults)
        {
            foreach (var entry in runResults.EnumerateObject())
            {
                var entryPath = $"$.run_results[\"{entry.Name}\"].validation_result";
                if (entry.Value.Obj("validation_result") is { } validation) ReadValidation(validation, entryPath);
                else batch.AddError(new HarvestError(path, "expected a validation_result object; the entry was skipped") { Position = entryPath });
            }
        }

        public void ReadValidation(JsonElement validation, string at)
        {
            var meta = validation.Obj("meta") ?? default;
            var suite = validation.Str("suite_name") ?? meta.Str("expectation_suite_name");
            var dataset = DatasetNaming.For(meta, suite, defaultNamespace, datasetOverride);
            Announce(dataset);
            var runId = meta.Obj("run_id");
            var executedAt = GeJson.Time(meta.Str("validation_time")) ?? GeJson.Time(runId?.Str("run_time")) ?? GeJson.Time(meta.Str("run_id"))
                ?? GeJson.Time(meta.Str("run_time")) ?? DateTimeOffset.UnixEpoch;
            var index = -1;
            foreach (var result in validation.GetProperty("results").EnumerateArray())
            {
                index++;
                if (result.Obj("expectation_config") is not { } config)
                {
                    batch.AddError(new HarvestError(path, "expected an expectation_config object; the result was skipped") { Position = $"{at}.results[{index}]" });
                    continue;
                }
                var (_, checkName, column) = ExpectationDescriber.Describe(config);
                var exception = result.Obj("exception_info");
                var raised = exception is { } e && e.TryGetProperty("raised_exception", out var r) && r.ValueKind == JsonValueKind.True;
                var success = result.TryGetProperty("success", out var s) && s.ValueKind == JsonValueKind.True;
                Record(new QualityResult
                {
                    Dataset = dataset,
                    CheckName = checkName,
                    Column = column,
                    Framework = "great_expectations",
                    Status = raised ? QualityStatus.Errored : success ? QualityStatus.Passed : QualityStatus.Failed,
                    ExecutedAt = executedAt,
                    Message = MetadataLimits.Truncate(raised ? exception?.Str("exception_message") ?? "the expectation raised an exception" : Observed(result), MetadataLimits.Reason),
                });
            }
        }

        public void ReadSuite(JsonElement suite)
        {
            var name = suite.Str("expectation_suite_name") ?? suite.Str("name");
            var meta = suite.Obj("meta") ?? default;
            // A profiler-built suite cites the batch it was built from: that names the dataset.
            var citation = meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("citations", out var c) && c.ValueKind == JsonValueKind.Array
                ? c.EnumerateArray().FirstOrDefault(x => x.Obj("batch_kwargs") is not null) : default;
            var dataset = DatasetNaming.For(citation.ValueKind == JsonValueKind.Object ? citation : meta, name, defaultNamespace, datasetOverride);
            var checks = suite.GetProperty("expectations").EnumerateArray().Select(config => ExpectationDescriber.Describe(config)).Select(d => new
            {
                framework = "great_expectations",
                suite = name,
                name = d.CheckName,
                type = d.Type,
                column = d.Column,
            }).ToList();
            Announce(dataset);
            batch.Add(new FacetFound(dataset, "qualityChecks", JsonSerializer.SerializeToElement(checks)));
        }

        private static string? Observed(JsonElement result)
        {
            if (result.Obj("result") is not { } outcome) return null;
            if (outcome.TryGetProperty("observed_value", out var observed)) return $"observed {observed.GetRawText()}";
            if (outcome.TryGetProperty("unexpected_percent", out var percent) && percent.ValueKind == JsonValueKind.Number)
                return $"{percent.GetDouble():0.##}% unexpected";
            return null;
        }
    }
}
