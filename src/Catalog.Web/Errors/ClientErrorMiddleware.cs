using Microsoft.AspNetCore.Http.Features;
using Npgsql;

namespace Catalog.Web.Errors;

/// <summary>
/// Turns the exceptions a client's mistake causes into a 4xx instead of a 500: a body over the server's limit (413,
/// naming the limit), a parameter that does not bind (400, naming it: minimal APIs throw for this, see
/// <see cref="Extensions.ErrorHandlingExtensions"/>), an unreadable form, and a value PostgreSQL refuses as data
/// (class 22: NUL in text, a date or number out of its range). Anything else is a real fault and goes on to the
/// exception handler.
/// </summary>
internal sealed class ClientErrorMiddleware(RequestDelegate next, ILogger<ClientErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (Classify(context, e) is { } error && !context.Response.HasStarted)
        {
            logger.LogInformation("{Method} {Path} answered {Status}: {Detail}", context.Request.Method, context.Request.Path, error.Status, error.Detail);
            await ErrorResponses.WriteAsync(context, error.Status, error.Title, error.Detail);
        }
    }

    private static ClientError? Classify(HttpContext context, Exception exception)
    {
        // A binding failure wraps the body's own failure: the body limit is the more precise answer.
        for (Exception? e = exception; e is not null; e = e.InnerException)
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
                return new(StatusCodes.Status413PayloadTooLarge, "Request body too large", BodyTooLarge(context));
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BadHttpRequestException bad:
                    return new(bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest, "Bad request", bad.Message);
                case InvalidDataException invalid when context.Request.HasFormContentType:
                    return new(StatusCodes.Status400BadRequest, "Unreadable form", invalid.Message);
                case PostgresException { SqlState: var state } when state.StartsWith("22", StringComparison.Ordinal):
                    return new(StatusCodes.Status400BadRequest, "Invalid value", state switch
                    {
                        "22021" or "22P05" => "A value contains a character the catalog cannot store (such as NUL, U+0000).",
                        "22008" or "22007" => "A date or time is outside the range the catalog accepts.",
                        "22003" => "A number is outside the range the catalog accepts.",
                        _ => "A value is not one the catalog accepts.",
                    });
            }
        }
        return null;
    }

    /// <summary>Names the limit the body broke (minimal APIs answer 413 themselves when their JSON body breaks it).</summary>
    public static string BodyTooLarge(HttpContext context) =>
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } bytes
            ? $"The request body is larger than the server's limit of {bytes:N0} bytes (Kestrel:Limits:MaxRequestBodySize)."
            : "The request body is larger than the server accepts.";

    private sealed record ClientError(int Status, string Title, string Detail);
}
