using Catalog.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using System.Collections.Concurrent;

namespace Catalog.Web.Tests.Health;

/// <summary>
/// The portal with its background monitor off (tests drive checks), and a real webhook receiver: a Kestrel
/// server on 127.0.0.1 that answers 503 to the first <see cref="FailuresBeforeSuccess"/> deliveries, then 200.
/// </summary>
public sealed class HealthFactory : CatalogWebFactory
{
    private WebApplication? receiver;

    public ConcurrentQueue<(string Event, string? Signature, string Body)> Received { get; } = new();
    public int FailuresBeforeSuccess { get; set; } = 1;
    public int Attempts;
    public string ReceiverUrl { get; private set; } = "";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Plugins:cost:RunSnapshots", "false"),
        new("Plugins:health:RunMonitor", "false"),
        new("Plugins:health:PortalBaseUrl", "https://catalog.example.com"),
        new("Plugins:health:Webhooks:0:Url", ReceiverUrl),
        new("Plugins:health:Webhooks:0:Secret", "s3cret"),
        new("Plugins:health:Webhooks:0:FirstRetryDelaySeconds", "0.05"),
        new("Plugins:health:Webhooks:0:MaxAttempts", "4"),
    ];

    public override async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        receiver = builder.Build();
        receiver.MapPost("/hook", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            if (Interlocked.Increment(ref Attempts) <= FailuresBeforeSuccess) return Results.StatusCode(503);
            Received.Enqueue((http.Request.Headers["X-Catalog-Event"].ToString(), http.Request.Headers["X-Catalog-Signature"].FirstOrDefault(), body));
            return Results.Ok();
        });
        await receiver.StartAsync();
        ReceiverUrl = receiver.Urls.Single() + "/hook";
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (receiver is not null) await receiver.DisposeAsync();
        await base.DisposeAsync();
    }
}
