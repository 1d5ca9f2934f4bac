using System.Security.Claims;
using Catalog.Domain.Entities;
using Catalog.Domain.Policies.Retention;
using Catalog.Plugins.Governance.Access;
using Catalog.Plugins.Governance.Audit;
using Catalog.Plugins.Governance.Authentication;
using Catalog.Plugins.Governance.Authorization;
using Catalog.Plugins.Governance.Suggestions;
using Catalog.Plugins.Governance.Infrastructure;
using Catalog.Plugins.Governance.Retention;
using Catalog.Plugins.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Catalog.Plugins.Governance.Api;

/// <summary>
/// <c>/api/governance</c>: the same operations as the Policies tab, for scripts and tools. JSON bodies only, so a
/// cross-site form cannot reach them (browsers preflight JSON); writes authorise in the services before loading data.
/// </summary>
public static class GovernanceApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/governance").WithTags("Governance");

        // The host's navigation posts its sign-out form here.
        routes.MapPost("/account/signout", SignOutAsync).WithName("SignOut").WithSummary("Ends the session (form post with antiforgery token).").WithTags("Governance");

        api.MapGet("/entities/{id:long}/retention", GetRetentionAsync).RequireAuthorization(CatalogPolicies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound).WithName("GetRetention").WithSummary("Effective retention of a dataset, where it comes from, and the descriptor's when overridden.");
        api.MapPost("/entities/{id:long}/retention/plan", (long id, RetentionInput input, ClaimsPrincipal user, RetentionService retention, CancellationToken ct) =>
                PlanAsync(id, input, user, retention, ct))
            .WithOutcomes().WithName("PreviewRetentionPlan").WithSummary("Which partitions a retention policy would expire, bytes freed and monthly saving. Saves nothing.");
        api.MapPut("/entities/{id:long}/retention", async (long id, RetentionInput input, ClaimsPrincipal user, RetentionService retention, CancellationToken ct) =>
                (await retention.SaveAsync(user, id, input, ct)).ToResult())
            .WithOutcomes().WithName("SaveRetention").WithSummary("Sets the portal retention policy (owners and admins). Send the version you read; a stale one is 409.");
        api.MapDelete("/entities/{id:long}/retention", async (long id, int version, string? reason, ClaimsPrincipal user, RetentionService retention, CancellationToken ct) =>
                (await retention.ResetAsync(user, id, version, reason, ct)).ToResult())
            .WithOutcomes().WithName("ResetRetention").WithSummary("Removes the portal edit so the descriptor or a default applies again.");

        api.MapPut("/defaults/{scope}/{key}/retention", async (string scope, string key, RetentionDefaultDto body, ClaimsPrincipal user, RetentionDefaultsService defaults, CancellationToken ct) =>
                (await defaults.SaveAsync(user, scope, key, new RetentionInput { Mode = body.Mode, Value = body.Value, Justification = body.Justification, Version = body.Version, Reason = body.Reason }, body.MaxDays, ct)).ToResult())
            .WithOutcomes().WithName("SaveRetentionDefault").WithSummary("Sets a namespace or classification default (and a classification's cap in days). Admins only.");

        api.MapPost("/entities/{id:long}/grants", async (long id, GrantRequestDto body, ClaimsPrincipal user, AccessService access, CancellationToken ct) =>
                (await access.AddGrantAsync(user, id, new GrantInput { Principal = body.Principal, Permission = body.Permission, ExpiresAt = body.ExpiresAt, Reason = body.Reason }, ct)).ToResult())
            .WithOutcomes().WithName("AddGrant").WithSummary("Grants a group or user read or write access (owners and admins).");
        api.MapDelete("/entities/{id:long}/grants/{grantId:long}", async (long id, long grantId, string? reason, ClaimsPrincipal user, AccessService access, CancellationToken ct) =>
                (await access.RemoveGrantAsync(user, id, grantId, reason, ct)).ToResult())
            .WithOutcomes().WithName("RemoveGrant").WithSummary("Removes a portal grant (descriptor grants change in the descriptor).");
        api.MapPut("/entities/{id:long}/classification", async (long id, ClassificationRequestDto body, ClaimsPrincipal user, AccessService access, CancellationToken ct) =>
                (await access.ClassifyAsync(user, id, new ClassificationInput { Field = body.Field, Classification = body.Classification, Version = body.Version, Reason = body.Reason }, ct)).ToResult())
            .WithOutcomes().WithName("Classify").WithSummary("Classifies the endpoint or one of its columns; kept across harvests.");
        api.MapPost("/entities/{id:long}/suggestions/decision", async (long id, SuggestionDecisionDto body, ClaimsPrincipal user, SuggestionService suggestions, CancellationToken ct) =>
                (await suggestions.DecideAsync(user, id, body.Field, body.Suggested, body.Accept, body.Version, ct)).ToResult())
            .WithOutcomes().WithName("DecideSuggestion").WithSummary("Accepts or rejects a classification suggested through column lineage.");

        api.MapPost("/entities/{id:long}/access-requests", async (long id, AccessRequestDto body, ClaimsPrincipal user, AccessRequestService requests, CancellationToken ct) =>
                (await requests.RequestAsync(user, id, body.Permission, body.Reason, ct)).ToResult())
            .WithOutcomes().WithName("RequestAccess").WithSummary("Asks the owners for read or write access.");
        api.MapPost("/access-requests/{requestId:long}/decision", async (long requestId, DecisionDto body, ClaimsPrincipal user, AccessRequestService requests, CancellationToken ct) =>
                (await requests.DecideAsync(user, requestId, body.Approve, body.Reason, body.Version, ct)).ToResult())
            .WithOutcomes().WithName("DecideAccessRequest").WithSummary("Approves (adds a grant) or denies an access request (owners and admins).");

        api.MapGet("/access-review", async (string? classification, AccessReviewQuery review, CancellationToken ct) => Results.Ok(await review.ListAsync(classification ?? "pii", ct)))
            .RequireAuthorization(CatalogPolicies.Auditor).WithName("AccessReview").WithSummary("Who can read PII (or another classification), and why.");
        api.MapGet("/audit", async ([AsParameters] AuditFilterQuery query, AuditQuery audit, CancellationToken ct) => Results.Ok(await audit.SearchAsync(query.ToFilter(), ct)))
            .RequireAuthorization(CatalogPolicies.Auditor).WithName("SearchAudit").WithSummary("Audit events, newest first, filtered.");
        api.MapGet("/audit/verify", async (AuditVerification verification, CancellationToken ct) =>
            {
                var result = await verification.VerifyAsync(cancellationToken: ct);
                return Results.Ok(new AuditVerificationDto(result.IsIntact, result.Verified, result.Break?.Sequence, result.Break?.Message, result.HeadHash));
            })
            .RequireAuthorization(CatalogPolicies.Auditor).WithName("VerifyAudit").WithSummary("Recomputes the audit hash chain.");
        routes.MapGet("/audit/export.csv", ExportCsvAsync).RequireAuthorization(CatalogPolicies.Auditor)
            .WithName("ExportAuditCsv").WithSummary("The filtered audit trail as CSV.").WithTags("Governance");

        api.MapGet("/tokens", async (ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct) =>
                Results.Ok((await tokens.ListAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct))
                    .Select(t => new TokenDto(t.Id, t.Name, t.Prefix, t.Scopes, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt) { Namespaces = t.Namespaces, DisabledReason = t.DisabledReason })))
            .RequireAuthorization(CatalogPolicies.Owner).WithName("ListTokens").WithSummary("Your API tokens (never their secrets).");
        api.MapPost("/tokens", CreateTokenAsync).RequireAuthorization(CatalogPolicies.Owner)
            .WithName("CreateToken").WithSummary("Creates an API token; the response is the only time its secret is shown.");
        api.MapDelete("/tokens/{tokenId:long}", async (long tokenId, ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct) =>
                await tokens.RevokeAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, GovernanceGate.ActorOf(user), tokenId, ct)
                    ? Results.NoContent() : Results.Problem(statusCode: 404, detail: "You have no active token with that id."))
            .RequireAuthorization(CatalogPolicies.Owner).ProducesProblem(StatusCodes.Status404NotFound).WithName("RevokeToken").WithSummary("Revokes one of your API tokens at once.");
    }

    /// <summary>What an <see cref="Outcome"/> can answer besides 200, declared in OpenAPI: 400 per field, 401, 403, 404, 409.</summary>
    private static RouteHandlerBuilder WithOutcomes(this RouteHandlerBuilder endpoint) => endpoint
        .Produces(StatusCodes.Status200OK)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> GetRetentionAsync(long id, ClaimsPrincipal user, RetentionService retention, EntityLookup entities, ICatalogPrincipalAccessor principals, CancellationToken ct)
    {
        var view = await entities.IsVisibleAsync(id, await principals.GetAsync(user, ct), ct) ? await retention.LoadAsync(id, ct) : null;
        if (view is null) return Results.Problem(statusCode: 404, detail: $"There is no entity {id}.");
        var context = view.Context;
        return Results.Ok(new EffectiveRetentionDto(view.Ref, view.Classification.ToString().ToLowerInvariant(),
            Dto(view.Effective.Policy, view.Effective.Origin), view.Effective.OverriddenDescriptor is { } d ? Dto(d, Domain.Policies.PolicyOrigin.Descriptor) : null,
            context.ClassificationMaxDays, view.PortalVersion, view.Effective.Violations.Select(v => v.Message).ToList()));
    }

    private static async Task<IResult> PlanAsync(long id, RetentionInput input, ClaimsPrincipal user, RetentionService retention, CancellationToken ct)
    {
        var (outcome, plan) = await retention.PreviewAsync(user, id, input, ct);
        if (plan is null) return outcome.ToResult();
        return Results.Ok(new RetentionPlanDto(Dto(plan.Policy, Domain.Policies.PolicyOrigin.Portal), plan.Plan.Expiring.Select(p => p.Key).ToList(),
            plan.Plan.BytesFreed, plan.Plan.HasUnknownSizes, plan.MonthlySaving, plan.Currency, plan.Violations.Select(v => v.Message).ToList()));
    }

    private static async Task<IResult> CreateTokenAsync(CreateTokenDto body, ClaimsPrincipal user, ApiTokenService tokens, GovernanceGate gate, CancellationToken ct)
    {
        var person = await gate.RequirePersonAsync(user, "token.create", null, ct);
        if (!person.IsAllowed) return Outcome.Denied(person).ToResult();
        var name = body.Name?.Trim() ?? "";
        var scopes = body.Scopes ?? [];
        var namespaces = body.Namespaces ?? [];
        if (TokenRequest.Check(user, name, scopes, namespaces, body.LifetimeDays) is { } refused) return refused.ToResult();
        var created = await tokens.CreateAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, GovernanceGate.ActorOf(user), name, scopes, body.LifetimeDays, ct, namespaces);
        return Results.Ok(new CreatedTokenDto(created.Info.Id, created.Info.Name, created.Secret, created.Info.Scopes, created.Info.ExpiresAt,
            "Copy the token now: it is stored only as a hash and cannot be shown again.") { Namespaces = created.Info.Namespaces });
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, SignInService signIn)
    {
        // No form fields are bound here, so the framework would not check the token by itself: a cross-site post must not end a session.
        if (!await antiforgery.IsRequestValidAsync(context))
            return Results.Problem(statusCode: 400, detail: "The sign-out form is missing its antiforgery token; reload the page and try again.");
        if (context.User.Identity?.IsAuthenticated == true)
            await signIn.SignOutAsync(GovernanceGate.ActorOf(context.User), context.RequestAborted);
        return Results.Redirect("/");
    }

    private static async Task ExportCsvAsync(HttpContext context, [AsParameters] AuditFilterQuery query, AuditQuery audit, TimeProvider clock)
    {
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await audit.WriteCsvAsync(query.ToFilter(), writer, context.RequestAborted);
    }

    private static RetentionDto Dto(Domain.Policies.RetentionPolicy policy, Domain.Policies.PolicyOrigin origin) =>
        new(RetentionInput.Wire(policy.Mode), policy.Value, policy.Justification, RetentionService.OriginLabel(origin));
}

/// <summary>Query-string filters shared by the audit API, page and CSV export.</summary>
public sealed class AuditFilterQuery
{
    public string? Actor { get; set; }
    public string? Action { get; set; }
    public string? Target { get; set; }
    public string? Q { get; set; }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? To { get; set; }
    public bool? Succeeded { get; set; }
    public long? Before { get; set; }
    public int? Limit { get; set; }

    public AuditFilter ToFilter() => new()
    {
        Actor = Actor, Action = Action, Target = Target, Text = MetadataLimits.Truncate(Q, 200), From = From, To = To, Succeeded = Succeeded, Before = Before,
        Limit = Math.Clamp(Limit ?? 50, 1, AuditQuery.MaxPageSize),
    };
}
