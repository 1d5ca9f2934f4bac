namespace Catalog.Domain.Lineage.Impact;

/// <summary>A downstream endpoint affected by a change. Restricted endpoints carry no name and no owner.</summary>
public sealed record ImpactedEndpoint(string? Ref, string Kind, string? Title, string? Owner, int Depth)
{
    public bool Restricted => Ref is null;
}

/// <summary>The endpoints one owner (team) has downstream, and how close the nearest is.</summary>
public sealed record OwnerImpact(string? Owner, IReadOnlyList<ImpactedEndpoint> Endpoints)
{
    public int NearestDepth => Endpoints.Min(e => e.Depth);
    public bool IsUnowned => Owner is null && Endpoints.All(e => !e.Restricted);
}

/// <summary>
/// Impact grouped by owner: whom to notify first (owners of the nearest endpoints, then of the most endpoints).
/// Unowned endpoints form their own group, as do restricted ones, whose owners the reader may not learn.
/// </summary>
public sealed record ImpactReport(string Source, IReadOnlyList<ImpactedEndpoint> Endpoints, IReadOnlyList<OwnerImpact> ByOwner, bool Truncated)
{
    public static ImpactReport Create(string source, IEnumerable<ImpactedEndpoint> endpoints, bool truncated = false)
    {
        var sorted = endpoints.OrderBy(e => e.Depth).ThenBy(e => e.Ref ?? "\uffff", StringComparer.Ordinal).ToList();
        var groups = sorted
            .GroupBy(e => (e.Restricted, e.Owner))
            .Select(g => new OwnerImpact(g.Key.Owner, g.ToList()) { })
            .OrderBy(g => g.Endpoints[0].Restricted)
            .ThenBy(g => g.Owner is null)
            .ThenBy(g => g.NearestDepth)
            .ThenByDescending(g => g.Endpoints.Count)
            .ThenBy(g => g.Owner, StringComparer.Ordinal)
            .ToList();
        return new ImpactReport(source, sorted, groups, truncated);
    }

    /// <summary>Owners to notify, nearest first.</summary>
    public IReadOnlyList<string> OwnersToNotify => ByOwner.Where(g => g.Owner is not null).Select(g => g.Owner!).ToList();

    public int RestrictedCount => Endpoints.Count(e => e.Restricted);

    /// <summary>Sizes of the cycles the walk met downstream (a change there comes back round to its source's inputs).</summary>
    public IReadOnlyList<int> CycleSizes { get; init; } = [];
}
