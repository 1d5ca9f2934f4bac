using Catalog.Harvesting;
using Catalog.Plugins.Harvesting;
using Catalog.Plugins.OpenLineage.Files;
using Catalog.Plugins.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.OpenLineage.Api;

/// <summary>
/// <c>POST /api/v1/lineage</c>, compatible with Marquez: 201 when the event landed (also for an exact retransmission),
/// 400 problem details naming each JSON path and what was expected when it did not. The raw event is stored before
/// it is read, so a rejected or mis-read event can be inspected and replayed.
/// </summary>
public static class LineageApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/lineage", PostAsync)
            .WithName("PostOpenLineageEvent")
            .WithSummary("Accepts an OpenLineage RunEvent, DatasetEvent or JobEvent (Marquez-compatible).")
            .WithTags("OpenLineage")
            .RequireAuthorization(CatalogPolicies.Ingest)
            .DisableAntiforgery()
            .Accepts<object>("application/json")
            .Produces(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    private static async Task<IResult> PostAsync(HttpRequest request, IHarvestService harvest, IOptions<OpenLineageOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await ReadBoundedAsync(request.Body, options.Value.MaxEventBytes, cancellationToken);
        if (body is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "OpenLineage event too large",
                detail: $"The body is larger than {options.Value.MaxEventBytes} bytes (Plugins:openlineage:MaxEventBytes).");
        if (EventSplitter.Count(body, options.Value.MaxEventsPerRequest + 1) > options.Value.MaxEventsPerRequest)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many OpenLineage events in one request",
                detail: $"The body holds more than {options.Value.MaxEventsPerRequest} events (Plugins:openlineage:MaxEventsPerRequest). " +
                        "Nothing was stored or applied; send them in smaller requests.");

        // The events of a request land in one transaction: past the time bound it is rolled back, not half-applied.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.MaxProcessingSeconds), clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token);
        IngestResult result;
        try
        {
            result = await OpenLineageIngest.PushAsync(harvest, body, Pusher(request.HttpContext.User), linked.Token);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "OpenLineage request took too long",
                detail: $"Applying the request took longer than {options.Value.MaxProcessingSeconds:0.###} s (Plugins:openlineage:MaxProcessingSeconds). " +
                        "None of its events were applied (the raw input is kept as interrupted and can be replayed); send fewer events per request.");
        }

        if (result.Succeeded)
            return result.Errors.Count == 0 ? TypedResults.Created() : TypedResults.Created((string?)null, new { warnings = Describe(result.Errors) });
        // Datasets outside the token's namespaces were refused, and everything else landed: the event is valid.
        if (result.Status == BatchStatus.AppliedWithErrors && result.Errors.All(e => e.Position == "namespace"))
            return TypedResults.Created((string?)null, new { warnings = Describe(result.Errors) });
        if (result.Errors.Any(e => e.Position == "commit"))
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The event could not be stored",
                detail: "The event was kept and can be replayed; the catalog database refused the change.",
                extensions: new Dictionary<string, object?> { ["rawInputId"] = result.RawInputId });
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid OpenLineage event",
            detail: result.Errors.Count > 0 ? result.Errors[0].Reason : "The body is not an OpenLineage event.",
            extensions: new Dictionary<string, object?> { ["errors"] = Describe(result.Errors), ["rawInputId"] = result.RawInputId });
    }

    /// <summary>
    /// Who pushes: a token writes only the namespaces it is bound to; an admin's session (no token) is bound to none.
    /// The engine judges every push as the <c>openlineage-push</c> source (Catalog:Harvesting:Trust).
    /// </summary>
    private static HarvestPusher Pusher(System.Security.Claims.ClaimsPrincipal user)
    {
        var actor = user.FindFirst(IngestClaims.UserRef)?.Value ?? (user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "signed-in user" : "anonymous");
        if (!long.TryParse(user.FindFirst(IngestClaims.TokenId)?.Value, System.Globalization.CultureInfo.InvariantCulture, out var tokenId))
            return new HarvestPusher(actor, null, null);
        return new HarvestPusher(actor, tokenId, [.. user.FindAll(IngestClaims.Namespace).Select(c => c.Value)]);
    }

    private static List<string> Describe(IReadOnlyList<HarvestError> errors) =>
        [.. errors.Take(50).Select(e => e.Position is null or "file" ? e.Reason : $"{e.Position}: {e.Reason}")];

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
