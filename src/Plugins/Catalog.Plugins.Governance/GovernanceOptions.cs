namespace Catalog.Plugins.Governance;

/// <summary>
/// Configuration under <c>Plugins:governance</c>. Defaults suit the embedded demo: anyone may browse read-only,
/// every write needs a signed-in owner or admin, ingest needs an API token.
/// </summary>
public sealed class GovernanceOptions
{
    public const string SectionName = "Plugins:governance";

    /// <summary>When true, reading pages and APIs needs a signed-in user or a read token. Writes always need sign-in.</summary>
    public bool RequireSignIn { get; set; }

    /// <summary>When true (default), ingest endpoints (OpenLineage, harvest triggers) need a token with the ingest scope.</summary>
    public bool RequireIngestToken { get; set; } = true;

    /// <summary>Failed sign-ins before an account is locked, and for how long.</summary>
    public int MaxFailedSignIns { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Days an API token lives when its creator does not say; 0 means no expiry.</summary>
    public int DefaultTokenLifetimeDays { get; set; } = 90;

    /// <summary>First-run admin, created at start-up when no user of that name exists. The password comes from configuration or the environment, never from code.</summary>
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    public TrustedProxyOptions TrustedProxy { get; set; } = new();

    /// <summary>Validation problems, each saying which key to fix; empty when the options are usable.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxFailedSignIns < 1) yield return "Plugins:governance:MaxFailedSignIns must be at least 1.";
        if (LockoutDuration <= TimeSpan.Zero) yield return "Plugins:governance:LockoutDuration must be positive, e.g. 00:15:00.";
        if (SessionLifetime <= TimeSpan.Zero) yield return "Plugins:governance:SessionLifetime must be positive, e.g. 08:00:00.";
        if (DefaultTokenLifetimeDays < 0) yield return "Plugins:governance:DefaultTokenLifetimeDays must be 0 (no expiry) or more.";
        if (!string.IsNullOrEmpty(BootstrapAdmin.UserName) && string.IsNullOrEmpty(BootstrapAdmin.Password))
            yield return "Plugins:governance:BootstrapAdmin:Password is empty: set it (e.g. environment variable Plugins__governance__BootstrapAdmin__Password) or remove BootstrapAdmin:UserName.";
        if (TrustedProxy.Enabled && TrustedProxy.ProxyAddresses.Count == 0)
            yield return "Plugins:governance:TrustedProxy:Enabled is true but ProxyAddresses is empty: list the reverse proxy's IP addresses.";
        foreach (var address in TrustedProxy.ProxyAddresses.Where(a => !System.Net.IPAddress.TryParse(a, out _)))
            yield return $"Plugins:governance:TrustedProxy:ProxyAddresses contains '{address}', which is not an IP address.";
    }
}

public sealed class BootstrapAdminOptions
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? Email { get; set; }
}

/// <summary>Deployments behind an SSO proxy: the proxy authenticates and passes the user name in a header. Off by default.</summary>
public sealed class TrustedProxyOptions
{
    public bool Enabled { get; set; }
    public string UserHeader { get; set; } = "X-Forwarded-User";
    /// <summary>Only requests whose connection comes from one of these addresses may assert a user.</summary>
    public List<string> ProxyAddresses { get; set; } = [];
}
