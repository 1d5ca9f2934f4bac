using System.Net;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Web.Errors;

/// <summary>
/// One way to answer a client's mistake: problem details (RFC 9457, <c>application/problem+json</c>) for APIs and
/// anything that is not a page, a short HTML page for pages (browsers show it; the status code pages do not replace
/// a response that has a body).
/// </summary>
public static class ErrorResponses
{
    /// <summary>APIs are <c>/api/…</c>; everything else answers like a page.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail,
        IDictionary<string, string[]>? errors = null, bool keepHeaders = false)
    {
        var response = context.Response;
        if (!keepHeaders) response.Clear();
        response.StatusCode = status;
        if (IsApi(context.Request))
        {
            var problem = errors is null
                ? new ProblemDetails { Status = status, Title = title, Detail = detail }
                : new ValidationProblemDetails(errors) { Status = status, Title = title, Detail = detail };
            // The problem details service adds the trace id; it declines when the client's Accept excludes JSON, and an
            // API still answers problem+json then.
            var problems = context.RequestServices.GetService<IProblemDetailsService>();
            if (problems is null || !await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
                await response.WriteAsJsonAsync<object>(problem, options: null, contentType: "application/problem+json");
            return;
        }
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)} — Catalog</title></head>
            <body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(detail)}</p><p><a href="/">Back to the catalog</a></p></body></html>
            """);
    }
}
