using System.Globalization;
using System.Threading.RateLimiting;
using Catalog.Web.Errors;
using Catalog.Web.RateLimiting;
using Microsoft.Extensions.Options;

namespace Catalog.Web.Extensions;

/// <summary>ASP.NET Core's rate limiter on writes and sign-in (<see cref="RateLimitOptions"/>); 429 problem details with Retry-After.</summary>
public static class RateLimitingExtensions
{
    public static IServiceCollection AddCatalogRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => !o.Validate().Any(), $"{RateLimitOptions.Section} is invalid: Window must be positive and every permit count at least 1.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, catalog) =>
        {
            if (!catalog.Value.Enabled) return;
            limiter.GlobalLimiter = WriteRateLimiter.Create(catalog.Value);
            limiter.OnRejected = (rejected, _) => new ValueTask(WriteRejectedAsync(rejected.HttpContext, rejected.Lease, catalog.Value));
        });
        return services;
    }

    private static Task WriteRejectedAsync(HttpContext context, RateLimitLease lease, RateLimitOptions options)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var what = WriteRateLimiter.IsSignIn(context.Request)
            ? $"sign-in attempts from your address (at most {options.SignInsPerClient} per {options.Window})"
            : $"writes (at most {options.WritesPerClient} per address and {options.WritesPerAccount} per account per {options.Window})";
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ErrorResponses.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"Too many {what}, Catalog:RateLimits. Nothing was done; retry in {seconds} s.", keepHeaders: true);
    }
}
