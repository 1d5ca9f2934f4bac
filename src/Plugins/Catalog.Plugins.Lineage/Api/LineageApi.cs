using Catalog.Domain.Lineage.Graph;
using Catalog.Plugins.Lineage.Queries;
using Catalog.Plugins.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Catalog.Plugins.Lineage.Api;

/// <summary>
/// The lineage REST API. <c>/api/v1/lineage</c> and <c>/api/v1/column-lineage</c> follow Marquez (same paths,
/// parameters and response shape); impact, path and provenance are the catalog's own, under <c>/api/lineage</c>.
/// Every answer is filtered for the caller: see <see cref="LineageService"/>. Sample requests: lineage.http.
/// </summary>
public static class LineageApi
{
    public static void MapLineageApi(this IEndpointRouteBuilder endpoints)
    {
        var marquez = endpoints.MapGroup("/api/v1").WithTags("Lineage").RequireAuthorization(CatalogPolicies.Read);
        marquez.MapGet("/lineage", GetLineageAsync).WithName("GetLineage")
            .WithSummary("Lineage graph around a node (Marquez shape). nodeId=dataset:<ns>:<name> or job:<ns>:<name>; depth; direction=both|upstream|downstream; kinds=dataset,job.");
        marquez.MapGet("/column-lineage", GetColumnLineageAsync).WithName("GetColumnLineage")
            .WithSummary("Column lineage (Marquez shape). nodeId=datasetField:<ns>:<name>:<field> or dataset:<ns>:<name>; depth; withDownstream.");

        var own = endpoints.MapGroup("/api/lineage").WithTags("Lineage").RequireAuthorization(CatalogPolicies.Read);
        own.MapGet("/impact", GetImpactAsync).WithName("GetLineageImpact")
            .WithSummary("Every downstream endpoint of a node, grouped by owner, with the owners to notify.");
        own.MapGet("/impact.csv", GetImpactCsvAsync).WithName("GetLineageImpactCsv")
            .WithSummary("The impact report as CSV.");
        own.MapGet("/path", GetPathAsync).WithName("GetLineagePath")
            .WithSummary("How two entities are connected: the shortest path along the flow of data between them, whichever way it flows (direction=downstream when from feeds to).");
        own.MapGet("/cycles", GetCyclesAsync).WithName("GetLineageCycles").RequireAuthorization(CatalogPolicies.Admin)
            .WithSummary("Every cycle of the whole lineage graph (strongly connected components), largest first; limit=100 cycles, each listing up to 50 nodes. Admins only.");
        own.MapGet("/provenance", GetProvenanceAsync).WithName("GetPartitionProvenance")
            .WithSummary("Which run of which job produced a partition, and the input partitions it read.");
    }

    /// <summary>
    /// The path in the direction data flows (source first). <see cref="Direction"/>: "downstream" when data flows
    /// from <c>from</c> to <c>to</c>, "upstream" when it flows the other way; <see cref="Length"/> in edges.
    /// </summary>
    public sealed record PathDto(IReadOnlyList<MarquezNode> Path)
    {
        public string Direction { get; init; } = "downstream";
        public int Length => Path.Count - 1;
    }

    public sealed record CycleNodeDto(string Id, string Kind, string? Title, string? Owner, string? Url);
    public sealed record CycleDto(int Number, int Size, IReadOnlyList<CycleNodeDto> Nodes);
    public sealed record CyclesDto(int CycleCount, int NodesOnCycles, bool Truncated, IReadOnlyList<CycleDto> Cycles);

    private static async Task<Results<Ok<MarquezGraph>, NotFound<ProblemDetails>, ValidationProblem>> GetLineageAsync(
        HttpContext http, LineageService lineage, ICatalogPrincipalAccessor principals,
        string? nodeId, int? depth, string? direction, string? kinds, CancellationToken cancellationToken)
    {
        if (Validate(nodeId, depth, direction, out var parsedDirection) is { } invalid) return invalid;
        var principal = await principals.GetAsync(http.User, cancellationToken);
        var view = await lineage.GetLineageAsync(nodeId!, new LineageQuery(depth, parsedDirection, SplitKinds(kinds)), principal, cancellationToken);
        if (view is null) return NotFound(nodeId!);
        http.Response.Headers["X-Lineage-Engine"] = view.Engine;
        http.Response.Headers["X-Lineage-Truncated"] = view.Truncated ? "true" : "false";
        return TypedResults.Ok(MarquezMapper.ToMarquez(view));
    }

    private static async Task<Results<Ok<MarquezGraph>, NotFound<ProblemDetails>, ValidationProblem>> GetColumnLineageAsync(
        HttpContext http, ColumnLineageService columns, ICatalogPrincipalAccessor principals,
        string? nodeId, int? depth, bool? withDownstream, CancellationToken cancellationToken)
    {
        if (!ColumnNodeId.TryParse(nodeId, out _, out _))
            return Invalid("nodeId", "Give nodeId=datasetField:<namespace>:<dataset>:<field> or dataset:<namespace>:<dataset>.");
        if (depth is < 0) return Invalid("depth", "depth must be 0 or more.");
        var principal = await principals.GetAsync(http.User, cancellationToken);
        var view = await columns.GetAsync(nodeId!, depth, withDownstream ?? false, principal, cancellationToken);
        return view is null ? NotFound(nodeId!) : TypedResults.Ok(MarquezMapper.ToMarquez(view));
    }

    private static async Task<Results<Ok<ImpactDto>, NotFound<ProblemDetails>, ValidationProblem>> GetImpactAsync(
        HttpContext http, LineageService lineage, ICatalogPrincipalAccessor principals,
        string? nodeId, int? depth, string? kinds, CancellationToken cancellationToken)
    {
        if (Validate(nodeId, depth, null, out _) is { } invalid) return invalid;
        var principal = await principals.GetAsync(http.User, cancellationToken);
        var report = await lineage.GetImpactAsync(nodeId!, depth, SplitKinds(kinds), principal, cancellationToken);
        return report is null ? NotFound(nodeId!) : TypedResults.Ok(ImpactDto.From(report));
    }

    private static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>, ValidationProblem>> GetImpactCsvAsync(
        HttpContext http, LineageService lineage, ICatalogPrincipalAccessor principals,
        string? nodeId, int? depth, string? kinds, CancellationToken cancellationToken)
    {
        if (Validate(nodeId, depth, null, out _) is { } invalid) return invalid;
        var principal = await principals.GetAsync(http.User, cancellationToken);
        var report = await lineage.GetImpactAsync(nodeId!, depth, SplitKinds(kinds), principal, cancellationToken);
        if (report is null) return NotFound(nodeId!);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ImpactCsv.Write(report)), "text/csv; charset=utf-8", ImpactCsv.FileName(report));
    }

    private static async Task<Results<Ok<PathDto>, NotFound<ProblemDetails>, ValidationProblem>> GetPathAsync(
        HttpContext http, LineageService lineage, ICatalogPrincipalAccessor principals, string? from, string? to, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
            return Invalid("from", "Give from=<node id> and to=<node id>, e.g. from=dataset:food_delivery:public.orders.");
        var principal = await principals.GetAsync(http.User, cancellationToken);
        var path = await lineage.FindPathAsync(from, to, principal, cancellationToken);
        if (path is null)
            return TypedResults.NotFound(new ProblemDetails { Title = "No path", Detail = $"Data does not flow between '{from}' and '{to}' (or one of them is not an entity you may see).", Status = 404 });
        var view = new LineageView(path[0], [], path.Skip(1).ToList(), path.Zip(path.Skip(1), (a, b) => new LineageEdgeView(a.Id, b.Id)).ToList(), false, "");
        return TypedResults.Ok(new PathDto(MarquezMapper.ToMarquez(view).Graph) { Direction = path[0].Id == from || path.Count == 1 ? "downstream" : "upstream" });
    }

    private static async Task<Results<Ok<CyclesDto>, ProblemHttpResult, ValidationProblem>> GetCyclesAsync(
        HttpContext http, Analytics.LineageCycleService cycles, ICatalogPrincipalAccessor principals, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 10_000) return Invalid("limit", "limit must be between 1 and 10000.");
        var principal = await principals.GetAsync(http.User, cancellationToken);
        var report = await cycles.GetAsync(limit ?? 100, principal, cancellationToken);
        if (report is null)
            return TypedResults.Problem("The lineage graph is over Plugins:lineage:MaxSnapshotEdges, so it is not held in memory and its cycles are not computed.", statusCode: 503, title: "Cycles unavailable");
        return TypedResults.Ok(new CyclesDto(report.CycleCount, report.NodesOnCycles, report.Truncated, [.. report.Cycles.Select(c => new CycleDto(c.Number, c.Size,
            [.. c.Nodes.Select(n => new CycleNodeDto(n.Id, n.Kind, n.Details?.Title, n.Details?.Owner, n.Details is { } d ? MarquezMapper.UrlOf(d) : null))]))]));
    }

    private static async Task<Results<Ok<ProvenanceService.ProvenanceView>, NotFound<ProblemDetails>, ValidationProblem>> GetProvenanceAsync(
        HttpContext http, ProvenanceService provenance, ICatalogPrincipalAccessor principals, string? nodeId, string? partition, CancellationToken cancellationToken)
    {
        if (Validate(nodeId, null, null, out _) is { } invalid) return invalid;
        var principal = await principals.GetAsync(http.User, cancellationToken);
        var view = await provenance.GetAsync(nodeId!, partition, principal, cancellationToken);
        return view is null
            ? TypedResults.NotFound(new ProblemDetails { Title = "No partition", Detail = $"'{nodeId}' is not a dataset you may see, or has no partition{(partition is null ? "" : $" '{partition}'")}.", Status = 404 })
            : TypedResults.Ok(view);
    }

    private static ValidationProblem? Validate(string? nodeId, int? depth, string? direction, out LineageDirection parsedDirection)
    {
        parsedDirection = LineageDirection.Both;
        if (!Domain.Entities.EntityRef.TryParse(nodeId, out _))
            return Invalid("nodeId", "Give nodeId=<kind>:<namespace>:<name>, e.g. dataset:food_delivery:public.orders.");
        if (depth is < 0) return Invalid("depth", "depth must be 0 or more.");
        if (direction is not null && !Enum.TryParse(direction, ignoreCase: true, out parsedDirection))
            return Invalid("direction", "direction must be both, upstream or downstream.");
        return null;
    }

    private static IReadOnlyCollection<string>? SplitKinds(string? kinds) =>
        string.IsNullOrWhiteSpace(kinds) ? null : kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    // The same answer for "does not exist" and "you may not see it", so restricted names cannot be probed.
    private static NotFound<ProblemDetails> NotFound(string nodeId) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Unknown node", Detail = $"No entity '{nodeId}' that you may see.", Status = 404 });
}
