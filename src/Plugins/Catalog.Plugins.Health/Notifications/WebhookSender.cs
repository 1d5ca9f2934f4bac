using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Catalog.Plugins.Health.Notifications;

/// <summary>
/// Posts one notification to one webhook, retrying with exponential backoff (and jitter) on network errors,
/// timeouts, 408, 429 and 5xx. Other 4xx answers mean the receiver rejects the payload: retrying would not help.
/// </summary>
public sealed partial class WebhookSender(IHttpClientFactory httpClients, ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "catalog-health-webhooks";
    public const string SignatureHeader = "X-Catalog-Signature";
    public const string EventHeader = "X-Catalog-Event";

    public sealed record Outcome(bool Delivered, int Attempts, string? Error);

    public async Task<Outcome> SendAsync(WebhookOptions webhook, string eventType, Guid id, string body, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(webhook.MaxAttempts - 1, 0),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(webhook.FirstRetryDelaySeconds),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TaskCanceledException>(e => !cancellationToken.IsCancellationRequested)
                    .HandleResult(r => IsTransient(r.StatusCode)),
                OnRetry = args =>
                {
                    LogRetry(logger, webhook.DisplayName, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message ?? ((int?)args.Outcome.Result?.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        try
        {
            using var response = await pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(TimeSpan.FromSeconds(webhook.TimeoutSeconds));
                using var request = Request(webhook, eventType, id, body);
                return await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            }, cancellationToken);
            return response.IsSuccessStatusCode
                ? new Outcome(true, attempts, null)
                : new Outcome(false, attempts, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new Outcome(false, attempts, error.Message);
        }
    }

    private static HttpRequestMessage Request(WebhookOptions webhook, string eventType, Guid id, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(EventHeader, eventType);
        request.Headers.Add("X-Catalog-Delivery", id.ToString());
        if (!string.IsNullOrEmpty(webhook.Secret))
            request.Headers.Add(SignatureHeader, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(webhook.Secret), Encoding.UTF8.GetBytes(body))));
        return request;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    [LoggerMessage(LogLevel.Warning, "Webhook {Webhook}: attempt {Attempt} in {Delay} after {Reason}")]
    private static partial void LogRetry(ILogger logger, string webhook, int attempt, TimeSpan delay, string? reason);
}
