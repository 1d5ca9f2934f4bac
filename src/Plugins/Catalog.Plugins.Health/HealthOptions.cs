namespace Catalog.Plugins.Health;

/// <summary>Configuration of the health plugin, bound from <c>Plugins:health</c>. Every key has a default; see README.md.</summary>
public sealed class HealthOptions
{
    /// <summary>How far back missing partitions count as late. Default 48 hours.</summary>
    public int LookBackHours { get; set; } = 48;

    /// <summary>Recent runs per workflow used for the "longer than usual" p95. Default 20.</summary>
    public int RunHistory { get; set; } = 20;

    /// <summary>How often the monitor re-checks health and sends notifications. Default 5 minutes.</summary>
    public int CheckIntervalSeconds { get; set; } = 300;

    /// <summary>Run the monitor (checks and webhooks) in this process. Default true.</summary>
    public bool RunMonitor { get; set; } = true;

    /// <summary>Absolute base URL of the portal, for links in notifications (e.g. https://catalog.example.com). Default: relative links.</summary>
    public string? PortalBaseUrl { get; set; }

    public List<WebhookOptions> Webhooks { get; set; } = [];

    /// <summary>Why-late: a run that started more than this after its nominal time started late. Default 15 minutes.</summary>
    public int StartedLateToleranceMinutes { get; set; } = 15;

    /// <summary>Why-late: most upstream nodes walked for one dataset (the answer says when it was cut). Default 50,000.</summary>
    public int MaxUpstreamNodes { get; set; } = 50_000;

    /// <summary>Why-late: most upstream problems listed in one answer. Default 50.</summary>
    public int MaxUpstreamProblemsListed { get; set; } = 50;

    public IEnumerable<string> Validate()
    {
        if (LookBackHours is < 1 or > 24 * 366) yield return $"Plugins:health:LookBackHours must be 1–8784 (was {LookBackHours}).";
        if (RunHistory is < 5 or > 1000) yield return $"Plugins:health:RunHistory must be 5–1000 (was {RunHistory}).";
        if (CheckIntervalSeconds is < 5 or > 86400) yield return $"Plugins:health:CheckIntervalSeconds must be 5–86400 (was {CheckIntervalSeconds}).";
        if (StartedLateToleranceMinutes is < 0 or > 24 * 60) yield return $"Plugins:health:StartedLateToleranceMinutes must be 0–1440 (was {StartedLateToleranceMinutes}).";
        if (MaxUpstreamNodes < 1) yield return $"Plugins:health:MaxUpstreamNodes must be at least 1 (was {MaxUpstreamNodes}).";
        if (MaxUpstreamProblemsListed < 1) yield return $"Plugins:health:MaxUpstreamProblemsListed must be at least 1 (was {MaxUpstreamProblemsListed}).";
        if (PortalBaseUrl is { Length: > 0 } b && !Uri.TryCreate(b, UriKind.Absolute, out _)) yield return $"Plugins:health:PortalBaseUrl '{b}' is not an absolute URL.";
        for (var i = 0; i < Webhooks.Count; i++)
        {
            var w = Webhooks[i];
            if (!Uri.TryCreate(w.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                yield return $"Plugins:health:Webhooks:{i}:Url '{w.Url}' must be an absolute http(s) URL.";
            foreach (var e in w.Events.Where(e => !HealthEventTypes.All.Contains(e)))
                yield return $"Plugins:health:Webhooks:{i}:Events has unknown event '{e}': use {string.Join(" or ", HealthEventTypes.All)}.";
            if (w.MaxAttempts is < 1 or > 20) yield return $"Plugins:health:Webhooks:{i}:MaxAttempts must be 1–20.";
        }
    }
}

public sealed class WebhookOptions
{
    /// <summary>A name for logs and the outbox table. Default: the URL's host.</summary>
    public string? Name { get; set; }
    public string Url { get; set; } = "";
    /// <summary>Events to send. Default both: endpoint.late and run.failed.</summary>
    public List<string> Events { get; set; } = [.. HealthEventTypes.All];
    /// <summary>When set, each request carries <c>X-Catalog-Signature: sha256=HMAC-SHA256(secret, body)</c> in hex.</summary>
    public string? Secret { get; set; }
    /// <summary>Attempts per notification, the first included. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>Delay before the first retry; doubles each retry (with jitter). Default 2 seconds.</summary>
    public double FirstRetryDelaySeconds { get; set; } = 2;
    public double TimeoutSeconds { get; set; } = 10;

    public string DisplayName => Name ?? (Uri.TryCreate(Url, UriKind.Absolute, out var u) ? u.Host : Url);
}

public static class HealthEventTypes
{
    public const string EndpointLate = "endpoint.late";
    public const string RunFailed = "run.failed";
    public static readonly string[] All = [EndpointLate, RunFailed];
}
