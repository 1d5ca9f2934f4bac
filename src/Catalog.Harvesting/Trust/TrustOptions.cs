using Microsoft.Extensions.Options;

namespace Catalog.Harvesting.Trust;

/// <summary>
/// Which metadata source may set which governance facts, bound from <c>Catalog:Harvesting:Trust</c>. A source is a
/// harvester kind (<c>descriptors</c>, <c>dbt</c>, <c>avro</c>, <c>great_expectations</c>, <c>postgres</c>,
/// <c>openlineage</c> for event files) or a kind's pushed inputs (<c>openlineage-push</c>, the API). A rule under
/// <see cref="Namespaces"/> replaces the source's rule in that namespace; a source with no rule sets nothing and is
/// not authoritative. The defaults trust the owners' repository (descriptors) with everything, repository and
/// system-of-record sources with what they know, and nothing a producer pushes.
/// </summary>
public sealed class TrustOptions
{
    public const string Section = "Catalog:Harvesting:Trust";

    public const string PushSuffix = "-push";

    /// <summary>The built-in sources; a third-party harvester's kind is accepted once listed in <see cref="AdditionalSources"/>.</summary>
    public static IReadOnlyList<string> BuiltInSources { get; } =
        ["descriptors", "dbt", "avro", "great_expectations", "postgres", "openlineage", "openlineage-push"];

    public Dictionary<string, SourceRuleOptions> Sources { get; set; } = new(StringComparer.Ordinal)
    {
        ["descriptors"] = new() { Sets = ["owner", "classification", "access", "retention"], Authoritative = true },
        ["dbt"] = new() { Sets = ["owner", "classification"], Authoritative = true },
        ["avro"] = new() { Sets = ["owner", "classification"], Authoritative = true },
        ["postgres"] = new() { Sets = ["classification"], Authoritative = true },
        ["great_expectations"] = new() { Sets = [] },
        ["openlineage"] = new() { Sets = [] },
        ["openlineage-push"] = new() { Sets = [] },
    };

    /// <summary>Per namespace, rules that replace <see cref="Sources"/> there (e.g. let one team's producer set owners).</summary>
    public Dictionary<string, Dictionary<string, SourceRuleOptions>> Namespaces { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Kinds of third-party harvesters that rules may name (a typo in a built-in name is an error otherwise).</summary>
    public string[] AdditionalSources { get; set; } = [];

    /// <summary>The source an input comes from: the harvester's kind, or <c>{kind}-push</c> for a pushed input.</summary>
    public static string SourceOf(string harvester, bool pushed) => pushed ? harvester + PushSuffix : harvester;

    public IEnumerable<string> Validate()
    {
        var known = BuiltInSources.Concat(AdditionalSources).Concat(AdditionalSources.Select(s => s + PushSuffix)).ToHashSet(StringComparer.Ordinal);
        foreach (var (source, rule) in Sources)
            foreach (var problem in Check($"{Section}:Sources:{source}", source, rule, known)) yield return problem;
        foreach (var (ns, rules) in Namespaces)
        {
            if (string.IsNullOrWhiteSpace(ns)) yield return $"{Section}:Namespaces has an empty namespace name.";
            foreach (var (source, rule) in rules)
                foreach (var problem in Check($"{Section}:Namespaces:{ns}:{source}", source, rule, known)) yield return problem;
        }
    }

    private static IEnumerable<string> Check(string path, string source, SourceRuleOptions? rule, HashSet<string> known)
    {
        if (!known.Contains(source))
            yield return $"{path}: unknown source '{source}'. Expected one of {string.Join(", ", known.Order(StringComparer.Ordinal))} " +
                         $"(list a third-party harvester's kind under {Section}:AdditionalSources).";
        foreach (var fact in rule?.Sets ?? [])
            if (!GovernanceFacts.TryParse(fact, out _))
                yield return $"{path}:Sets: unknown fact '{fact}'. Expected any of {string.Join(", ", GovernanceFacts.All.Select(f => f.Wire()))}.";
    }

    /// <summary>The rule of <paramref name="source"/> for entities in <paramref name="namespace"/>.</summary>
    public SourceRule RuleFor(string source, string @namespace)
    {
        if (Namespaces.TryGetValue(@namespace, out var rules) && rules.TryGetValue(source, out var local)) return local.ToRule(source);
        return Sources.TryGetValue(source, out var rule) ? rule.ToRule(source) : new SourceRule(source, new HashSet<GovernanceFact>(), false);
    }
}

/// <summary>Start-up validation of <see cref="TrustOptions"/>: every problem, each naming its setting.</summary>
internal sealed class TrustOptionsValidator : IValidateOptions<TrustOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustOptions options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
