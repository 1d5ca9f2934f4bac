using Catalog.Domain.Lineage.Impact;

namespace Catalog.Plugins.Lineage.Api;

public sealed record ImpactEndpointDto(string Id, string Kind, string? Title, string? Owner, int Depth, bool Restricted);

public sealed record ImpactOwnerDto(string? Owner, int Endpoints, int NearestDepth, IReadOnlyList<string> Ids);

/// <summary>
/// Impact of changing <see cref="Source"/>: endpoints downstream, grouped by owner, owners to notify first.
/// <see cref="Cycles"/>: sizes of the cycles met downstream (empty when the lineage below is acyclic).
/// </summary>
public sealed record ImpactDto(string Source, int Total, int Restricted, bool Truncated, IReadOnlyList<string> OwnersToNotify, IReadOnlyList<ImpactOwnerDto> ByOwner, IReadOnlyList<ImpactEndpointDto> Endpoints)
{
    public IReadOnlyList<int> Cycles { get; init; } = [];

    public static ImpactDto From(ImpactReport report) => new(
        report.Source, report.Endpoints.Count, report.RestrictedCount, report.Truncated, report.OwnersToNotify,
        report.ByOwner.Select(g => new ImpactOwnerDto(g.Owner, g.Endpoints.Count, g.NearestDepth, g.Endpoints.Select(e => e.Ref ?? "restricted").ToList())).ToList(),
        report.Endpoints.Select(e => new ImpactEndpointDto(e.Ref ?? "restricted", e.Kind, e.Title, e.Owner, e.Depth, e.Restricted)).ToList())
    {
        Cycles = report.CycleSizes,
    };
}
