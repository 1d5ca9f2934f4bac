using Catalog.Plugins.Health.Evaluation;
using Catalog.Plugins.Health.Notifications;
using Catalog.Plugins.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Catalog.Plugins.Health.Api;

/// <summary><c>/api/v1/health</c>: current problems, and a check (with notifications) on demand.</summary>
public static class HealthApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/health").WithTags("Health").RequireAuthorization(CatalogPolicies.Read);
        api.MapGet("/problems", Problems).WithName("HealthProblems").WithSummary("Current problems of the entities the caller may see, by entity.");
        api.MapGet("/why-late", WhyLate).WithName("HealthWhyLate")
            .WithSummary("Why a dataset or job is late: upstream problems nearest first, the critical path by expected duration, and the first late job on it with its owner. ref=dataset:<ns>:<name>.");
        api.MapPost("/check", Check).WithName("HealthCheck").WithSummary("Check health now, record transitions and send webhooks.")
            .RequireAuthorization(CatalogPolicies.Admin);
    }

    public sealed record ProblemDto(string Kind, string Subject, string Severity, string Summary, DateTimeOffset Since);
    public sealed record EntityHealthDto(string Ref, string? Owner, string Severity, IReadOnlyList<ProblemDto> Problems);

    private static async Task<Ok<List<EntityHealthDto>>> Problems(string? owner, HealthEvaluator evaluator, VisibleEntities visible,
        ICatalogPrincipalAccessor principals, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var principal = await principals.GetAsync(http.User, ct);
        var health = (await evaluator.EvaluateAsync(null, clock.GetUtcNow(), ct)).Where(h => h.Problems.Count > 0 && (owner is null || h.OwnerRef == owner)).ToList();
        var allowed = await visible.FilterAsync([.. health.Select(h => h.EntityId)], principal, ct);
        return TypedResults.Ok(health.Where(h => allowed.Contains(h.EntityId)).Select(h => new EntityHealthDto(h.Ref, h.OwnerRef, h.Severity.ToString().ToLowerInvariant(),
            [.. h.Problems.Select(p => new ProblemDto(HealthNotifier.Kind(p.Kind), p.Subject, p.Severity.ToString().ToLowerInvariant(), p.Summary, p.Since))])).ToList());
    }

    private static async Task<Results<Ok<Lateness.LateChain>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ValidationProblem>> WhyLate(string? @ref,
        Lateness.WhyLateService whyLate, ICatalogPrincipalAccessor principals, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (!Domain.Entities.EntityRef.TryParse(@ref, out _))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ref"] = ["Give ref=<kind>:<namespace>:<name>, e.g. dataset:food_delivery:public.orders."] });
        var principal = await principals.GetAsync(http.User, ct);
        var chain = await whyLate.ExplainAsync(@ref!, principal, clock.GetUtcNow(), ct);
        return chain is null
            ? TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = "Unknown entity", Detail = $"No entity '{@ref}' that you may see (or no lineage graph is held in memory).", Status = 404 })
            : TypedResults.Ok(chain);
    }

    private static async Task<Ok<HealthMonitor.CheckResult>> Check(HealthMonitor monitor, CancellationToken ct) =>
        TypedResults.Ok(await monitor.CheckOnceAsync(ct));
}
