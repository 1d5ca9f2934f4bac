using System.Security.Claims;
using System.Threading.RateLimiting;

namespace Catalog.Web.RateLimiting;

/// <summary>
/// The partitions of the global limiter: one per client address (writes, and sign-in posts more tightly), chained
/// with one per account (writes by a signed-in user or an API token). Reads pass without a lease.
/// </summary>
internal static class WriteRateLimiter
{
    /// <summary>The sign-in form posts here (the governance plugin's page).</summary>
    private static readonly PathString[] SignInPaths = ["/account/sign-in", "/account/signin"];

    public static PartitionedRateLimiter<HttpContext> Create(RateLimitOptions options) =>
        PartitionedRateLimiter.CreateChained(PerClient(options), PerAccount(options));

    private static PartitionedRateLimiter<HttpContext> PerClient(RateLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!IsWrite(context.Request)) return RateLimitPartition.GetNoLimiter("read");
            var client = ClientOf(context);
            return IsSignIn(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter("sign-in|" + client, _ => Window(options, options.SignInsPerClient))
                : RateLimitPartition.GetFixedWindowLimiter("client|" + client, _ => Window(options, options.WritesPerClient));
        });

    private static PartitionedRateLimiter<HttpContext> PerAccount(RateLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!IsWrite(context.Request) || AccountOf(context.User) is not { } account) return RateLimitPartition.GetNoLimiter("anonymous");
            return RateLimitPartition.GetFixedWindowLimiter("account|" + account, _ => Window(options, options.WritesPerAccount));
        });

    private static FixedWindowRateLimiterOptions Window(RateLimitOptions options, int permits) => new()
    {
        PermitLimit = permits, Window = options.Window, QueueLimit = 0, AutoReplenishment = true,
    };

    public static bool IsWrite(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));

    public static bool IsSignIn(HttpRequest request) => SignInPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>The connection's address; behind a proxy, configure forwarded headers so it is the client's.</summary>
    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Scheme and user id: a user's session and each of their tokens' scheme count separately.</summary>
    private static string? AccountOf(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true } identity
            ? $"{identity.AuthenticationType}|{user.FindFirstValue(ClaimTypes.NameIdentifier) ?? identity.Name}"
            : null;
}
