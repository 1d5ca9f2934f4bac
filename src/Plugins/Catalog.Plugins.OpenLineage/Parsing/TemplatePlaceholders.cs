using System.Text.Json;
using System.Text.RegularExpressions;

namespace Catalog.Plugins.OpenLineage.Parsing;

/// <summary>
/// Test templates of OpenLineage integrations (<c>"runId": "{{ any(result) }}"</c>,
/// <c>"eventTime": "${json-unit.any-string}"</c>) look like events but describe what a test expects, not what
/// happened: ingested, every template's events fold into the one run their placeholder hashes to and invent jobs and
/// datasets. A placeholder in a field that identifies the event — its time, run id, job or dataset namespace and name —
/// rejects the event, naming the field and where the placeholder starts.
/// </summary>
internal static partial class TemplatePlaceholders
{
    public const string Problem = "template placeholder, not a real event";

    public static void Find(JsonNode root, ParseProblems problems)
    {
        Check(root["eventTime"], problems);
        if (root["run"] is { IsObject: true } run)
        {
            Check(run["runId"], problems);
            if (run["facets"]?["parent"] is { IsObject: true } parent)
            {
                Check(parent["run"]?["runId"], problems);
                CheckNamed(parent["job"], problems);
            }
        }
        CheckNamed(root["job"], problems);
        CheckNamed(root["dataset"], problems);
        foreach (var side in new[] { "inputs", "outputs" })
            if (root[side] is { Kind: JsonValueKind.Array } datasets)
                foreach (var dataset in datasets.Items()) CheckNamed(dataset, problems);
    }

    private static void CheckNamed(JsonNode? node, ParseProblems problems)
    {
        if (node is not { IsObject: true } named) return;
        Check(named["namespace"], problems);
        Check(named["name"], problems);
    }

    private static void Check(JsonNode? node, ParseProblems problems)
    {
        if (node is not { Kind: JsonValueKind.String } value) return;
        var text = value.Element.GetString()!;
        var match = Placeholder().Match(text);
        if (!match.Success) return;
        problems.Add(value.Path, $"{Problem}: '{OpenLineageParser.Truncate(match.Value)}' at character {match.Index + 1}");
    }

    // ${json-unit.any-string}, ${json-unit.ignore} (JsonUnit) and {{ any(result) }}, {{ is_datetime(result) }} (Jinja-like matchers).
    [GeneratedRegex(@"\$\{[^{}]*\}|\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex Placeholder();
}
