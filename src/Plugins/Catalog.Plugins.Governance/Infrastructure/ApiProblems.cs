using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Plugins.Governance.Infrastructure;

/// <summary>
/// 401/403 answers for APIs with a problem-details body. A body matters: the host re-executes empty error responses
/// as its HTML status page, which is wrong for a script (and for a POST, fails on the page's antiforgery check).
/// </summary>
internal static class ApiProblems
{
    /// <summary>
    /// <c>/api/…</c>, and any endpoint that is not a page (<c>/audit/export.csv</c>): only pages send people to the
    /// sign-in form; a script asking for a CSV gets a 401/403 it can act on, not a redirect to HTML.
    /// </summary>
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        || request.HttpContext.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is null;

    public static Task WriteAsync(HttpResponse response, int status, string detail)
    {
        response.StatusCode = status;
        return response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status401Unauthorized ? "Sign in or send an API token." : "Not allowed.",
            Detail = detail,
        }, options: null, contentType: "application/problem+json");
    }
}
