using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Plugins.Governance.Infrastructure;

/// <summary>
/// 401/403 answers for APIs with a problem-details body. A body matters: the host re-executes empty error responses
/// as its HTML status page, which is wrong for a script (and for a POST, fails on the page's antiforgery check).
/// </summary>
internal static class ApiProblems
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

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
