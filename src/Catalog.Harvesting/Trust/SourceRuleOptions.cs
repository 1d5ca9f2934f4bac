namespace Catalog.Harvesting.Trust;

/// <summary>What one metadata source may do, for every namespace or for one (see <see cref="TrustOptions"/>).</summary>
public sealed class SourceRuleOptions
{
    /// <summary>The governance facts this source may set: <c>owner</c>, <c>classification</c>, <c>access</c>, <c>retention</c>.</summary>
    public string[] Sets { get; set; } = [];

    /// <summary>
    /// Its descriptions and schemas are the owners' word: once it described an entity, a source that is not
    /// authoritative no longer changes that entity's title, description or columns (it still adds lineage, runs,
    /// partitions, quality and facets).
    /// </summary>
    public bool Authoritative { get; set; }

    internal SourceRule ToRule(string source) =>
        new(source, Sets.Select(s => GovernanceFacts.TryParse(s, out var fact) ? fact : (GovernanceFact?)null).OfType<GovernanceFact>().ToHashSet(), Authoritative);
}

/// <summary>The resolved rule of one source in one namespace.</summary>
public sealed record SourceRule(string Source, IReadOnlySet<GovernanceFact> Sets, bool Authoritative)
{
    public bool May(GovernanceFact fact) => Sets.Contains(fact);
}
