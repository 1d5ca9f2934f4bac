namespace Catalog.Web.Security;

/// <summary>
/// Adds the browser security headers to every response — pages, API answers, static files, error and not-found
/// pages. Set when the response starts, so the exception handler (which clears headers) and status-code re-execution
/// cannot drop them, and a header an endpoint set itself is left as it is.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>
    /// Scripts and styles only from the portal's own files: no inline script, no inline event handler, no inline style,
    /// no eval. Styles are as strict as scripts because CSS injected into harvested text could still restyle or
    /// exfiltrate (attribute selectors); the pages carry no <c>style</c> attribute, and libraries that size elements
    /// do it through the CSSOM, which CSP allows. Tabler's icons are <c>data:</c> SVGs, hence <c>img-src data:</c>.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    private static readonly (string Name, string Value)[] Headers =
    [
        ("Content-Security-Policy", ContentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        // frame-ancestors is the standard; X-Frame-Options for browsers that predate it.
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Permissions-Policy", PermissionsPolicy),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ];

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            foreach (var (name, value) in Headers) headers.TryAdd(name, value);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
