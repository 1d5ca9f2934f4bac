using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Catalog.Web.Security;

/// <summary>
/// <c>Catalog:ForwardedHeaders</c>: behind a reverse proxy that terminates TLS, the portal learns the client's scheme
/// and address from X-Forwarded-Proto/-For — but only when configured, and only from the proxies listed (a client
/// talking to the portal directly must not be able to claim it came over HTTPS).
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "Catalog:ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Addresses of the trusted proxies; loopback when empty.</summary>
    public List<string> KnownProxies { get; set; } = [];

    public void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in KnownProxies)
        {
            if (!IPAddress.TryParse(proxy, out var address))
                throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' is not an IP address.");
            options.KnownProxies.Add(address);
        }
    }
}
