namespace Catalog.Web.RateLimiting;

/// <summary>
/// Limits on writes and sign-in, bound from <c>Catalog:RateLimits</c> (docs/INPUT-AND-ABUSE.md, "Rate limits"). Reads are not
/// limited. A write counts against its client address and, when signed in or sent with a token, against that account
/// too; the first limit reached answers 429 with Retry-After.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Catalog:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>The fixed window the permits below are counted in. Default one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Writes (POST, PUT, PATCH, DELETE) per client address per window. Default 1200.</summary>
    public int WritesPerClient { get; set; } = 1200;

    /// <summary>
    /// Writes per signed-in account or API token per window, from any address. Default 600: an OpenLineage producer
    /// (one START and one COMPLETE per task run) stays well under it; a script looping on an API does not.
    /// </summary>
    public int WritesPerAccount { get; set; } = 600;

    /// <summary>Sign-in form posts per client address per window (each account also locks after failed attempts). Default 10.</summary>
    public int SignInsPerClient { get; set; } = 10;

    public IEnumerable<string> Validate()
    {
        if (Window <= TimeSpan.Zero) yield return $"{Section}:Window must be positive (it is {Window}).";
        if (WritesPerClient < 1) yield return $"{Section}:WritesPerClient must be at least 1 (it is {WritesPerClient}).";
        if (WritesPerAccount < 1) yield return $"{Section}:WritesPerAccount must be at least 1 (it is {WritesPerAccount}).";
        if (SignInsPerClient < 1) yield return $"{Section}:SignInsPerClient must be at least 1 (it is {SignInsPerClient}).";
    }
}
