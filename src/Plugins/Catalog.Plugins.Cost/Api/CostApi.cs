using Catalog.Domain.Policies;
using Catalog.Plugins.Cost.Queries;
using Catalog.Plugins.Cost.Snapshots;
using Catalog.Plugins.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Catalog.Plugins.Cost.Api;

/// <summary>
/// <c>/api/v1/cost</c>: daily cost, top spenders and per-group totals as JSON or CSV (<c>?format=csv</c>), the
/// retention what-if, and taking a snapshot on demand. Scope with <c>team</c>, <c>namespace</c> or <c>entity</c>.
/// </summary>
public static class CostApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/cost").WithTags("Cost").RequireAuthorization(CatalogPolicies.Read);
        api.MapGet("/daily", Daily).WithName("CostDaily").WithSummary("Daily storage and compute cost of a scope.");
        api.MapGet("/top", Top).WithName("CostTopSpenders").WithSummary("The entities that cost most this month, with last month's figure.");
        api.MapGet("/groups/{dimension}", Groups).WithName("CostByGroup").WithSummary("Cost per team or namespace this month against last month.");
        api.MapGet("/retention-what-if", WhatIf).ProducesProblem(StatusCodes.Status404NotFound).WithName("CostRetentionWhatIf").WithSummary("Monthly saving of a shorter retention for a dataset or namespace.");
        api.MapPost("/snapshots", Snapshot).WithName("CostSnapshot").WithSummary("Take (or retake) the snapshot of a day now.")
            .RequireAuthorization(CatalogPolicies.Admin);
    }

    private static async Task<IResult> Daily(string? team, string? @namespace, long? entity, int? days, string? format, CostQueries queries, TimeProvider clock, CancellationToken ct)
    {
        if (Scope(team, @namespace, entity) is not { } scope) return ScopeProblem();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await queries.DailyAsync(scope, today.AddDays(-Math.Clamp(days ?? 90, 1, 3660) + 1), today, ct);
        return IsCsv(format)
            ? CsvResult("cost-daily.csv", ["day", "storage_cost", "compute_cost", "total_cost", "storage_bytes", "compute_seconds"],
                rows.Select(r => new object?[] { r.Day, r.Storage, r.Compute, r.Total, r.StorageBytes, r.ComputeSeconds }))
            : TypedResults.Ok(rows);
    }

    private static async Task<IResult> Top(string? team, string? @namespace, int? limit, string? format, CostQueries queries,
        ICatalogPrincipalAccessor principals, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var scope = Scope(team, @namespace, null) ?? CostScope.Everything;
        var principal = await principals.GetAsync(http.User, ct);
        var lines = await queries.TopSpendersAsync(scope, Period(clock), principal, limit ?? 20, ct);
        return Lines(lines, format, "cost-top-spenders.csv");
    }

    private static async Task<IResult> Groups(string dimension, string? format, CostQueries queries, TimeProvider clock, CancellationToken ct)
    {
        CostDimension? by = dimension switch { "teams" => CostDimension.Team, "namespaces" => CostDimension.Namespace, _ => null };
        if (by is null)
            return TypedResults.Problem($"Unknown grouping '{dimension}': use teams or namespaces.", statusCode: StatusCodes.Status400BadRequest);
        return Lines(await queries.ByGroupAsync(by.Value, Period(clock), ct), format, $"cost-{dimension}.csv");
    }

    private static async Task<IResult> WhatIf(long? entity, string? @namespace, int? keepDays, int? keepLatest, RetentionWhatIfService whatIf, TimeProvider clock, CancellationToken ct)
    {
        RetentionPolicy? proposed = keepDays is { } d ? RetentionPolicy.Days(d) : keepLatest is { } n ? RetentionPolicy.Latest(n) : null;
        if (proposed is null || proposed.Validate() is { Count: > 0 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["keepDays"] = [$"Give keepDays (1–{RetentionPolicy.MaxDays}) or keepLatest (1–{RetentionPolicy.MaxPartitions})."],
            });
        if ((entity is null) == (@namespace is null))
            return TypedResults.Problem("Give exactly one of entity or namespace.", statusCode: StatusCodes.Status400BadRequest);
        var saving = entity is { } id
            ? await whatIf.ForDatasetAsync(id, proposed, clock.GetUtcNow(), ct)
            : await whatIf.ForNamespaceAsync(@namespace!, proposed, clock.GetUtcNow(), ct);
        return saving is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new { whatIf.Currency, Proposed = proposed.ToString(), saving.MonthlySaving, saving.SteadyStateMonthlySaving, saving.CurrentMonthly, saving.ProposedMonthly, saving.CurrentBytes, saving.ProposedBytes, saving.PartitionsRemoved });
    }

    private static async Task<Results<Ok<SnapshotTaken>, ValidationProblem>> Snapshot(DateOnly? day, CostSnapshotter snapshotter,
        Microsoft.Extensions.Options.IOptions<CostOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var target = day ?? today;
        // A snapshot prices what existed on that day: a future day has nothing yet, and days before the history window
        // would only add rows nobody reads (and 9999-12-31 has no next day to end its window).
        var earliest = today.AddDays(-options.Value.SnapshotHistoryDays);
        if (target > today || target < earliest)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["day"] = [$"must be between {earliest:yyyy-MM-dd} and today ({today:yyyy-MM-dd}, UTC); got {target:yyyy-MM-dd}. " +
                           "The window is Plugins:cost:SnapshotHistoryDays days."],
            }, title: "No snapshot taken: the day is outside the history window.");
        return TypedResults.Ok(new SnapshotTaken(target, await snapshotter.SnapshotAsync(target, ct)));
    }

    public sealed record SnapshotTaken(DateOnly Day, int Entities);

    private static IResult Lines(IReadOnlyList<CostLine> lines, string? format, string fileName) => IsCsv(format)
        ? CsvResult(fileName, ["key", "label", "kind", "this_month", "previous_month", "change"],
            lines.Select(l => new object?[] { l.Key, l.Label, l.Kind, l.ThisMonth, l.PreviousMonth, l.Change }))
        : TypedResults.Ok(lines);

    private static IResult CsvResult(string fileName, string[] header, IEnumerable<object?[]> rows) =>
        TypedResults.File(System.Text.Encoding.UTF8.GetBytes(Csv.Write(header, rows)), "text/csv; charset=utf-8", fileName);

    private static bool IsCsv(string? format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);

    internal static CostPeriod Period(TimeProvider clock) => CostPeriod.MonthToDate(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    private static CostScope? Scope(string? team, string? @namespace, long? entity) =>
        (team, @namespace, entity) switch
        {
            ({ } t, null, null) => CostScope.Team(t),
            (null, { } n, null) => CostScope.Namespace(n),
            (null, null, { } e) => CostScope.Entity(e),
            (null, null, null) => CostScope.Everything,
            _ => null,
        };

    private static ProblemHttpResult ScopeProblem() =>
        TypedResults.Problem("Give at most one of team, namespace or entity.", statusCode: StatusCodes.Status400BadRequest);
}
