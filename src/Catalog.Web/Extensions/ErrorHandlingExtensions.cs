using Catalog.Web.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Catalog.Web.Extensions;

/// <summary>
/// Client mistakes answer 4xx, never 5xx: problem details (RFC 9457) under <c>/api/</c>, HTML for pages.
/// See docs/INPUT-AND-ABUSE.md, "Bad input".
/// </summary>
public static class ErrorHandlingExtensions
{
    public static IServiceCollection AddCatalogErrorHandling(this IServiceCollection services)
    {
        // A parameter that does not bind throws (in every environment), so ClientErrorMiddleware answers a 400 that
        // names it instead of an empty 400 that the status code pages would turn into an HTML page.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Goes right after the exception handler: client errors are answered here, real faults go on to it.</summary>
    public static WebApplication UseCatalogErrorHandling(this WebApplication app)
    {
        app.UseMiddleware<ClientErrorMiddleware>();
        // Empty error responses (unknown address, wrong method, a challenge without a body) get a body: problem
        // details for APIs; pages re-execute as the not-found page (pages that find nothing call NavigationManager.NotFound()).
        // Outer handler re-executes; the API branch inside it answers first, and a response with a body is left alone.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(context => ErrorResponses.IsApi(context.Request), api => api.UseStatusCodePages(WriteApiStatusAsync));
        app.UseMiddleware<InvalidInputMiddleware>();
        return app;
    }

    private static Task WriteApiStatusAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var code = context.Response.StatusCode;
        var request = context.Request;
        var detail = code switch
        {
            StatusCodes.Status404NotFound => $"There is no API operation at {request.Method} {request.Path}; /openapi/v1.json lists them.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Path} does not accept {request.Method}" +
                (context.Response.Headers.Allow.Count > 0 ? $"; it accepts {context.Response.Headers.Allow}." : "."),
            StatusCodes.Status401Unauthorized => "This needs a signed-in user or an API token (Authorization: Bearer ...).",
            StatusCodes.Status403Forbidden => "Your account does not have the permission this needs.",
            StatusCodes.Status413PayloadTooLarge => ClientErrorMiddleware.BodyTooLarge(context),
            _ => ReasonPhrases.GetReasonPhrase(code),
        };
        return ErrorResponses.WriteAsync(context, code, ReasonPhrases.GetReasonPhrase(code), detail, keepHeaders: true);
    }
}
