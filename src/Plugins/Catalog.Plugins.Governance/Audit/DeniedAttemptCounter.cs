using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Catalog.Plugins.Governance.Audit;

/// <summary>
/// Counts denied attempts of anonymous callers in <c>denied_attempt_counts</c>, one row per (attempt, client address,
/// UTC hour), instead of one audit event each: nobody is accountable for them, and a flood must not grow the permanent
/// trail. <c>/audit</c> keeps every decision about a known user or token.
/// </summary>
public sealed class DeniedAttemptCounter(NpgsqlDataSource dataSource, TimeProvider time, IHttpContextAccessor http)
{
    /// <summary>Longest attempt text kept (a path can be long; the count, not the text, is what matters).</summary>
    private const int MaxActionLength = 200;

    public async Task CountAsync(string attempted, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var client = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        await using var command = dataSource.CreateCommand("""
            INSERT INTO denied_attempt_counts (action, client, hour, attempts, last_at) VALUES (@action, @client, @hour, 1, @now)
            ON CONFLICT (action, client, hour) DO UPDATE SET attempts = denied_attempt_counts.attempts + 1, last_at = excluded.last_at
            """);
        command.Parameters.AddWithValue("action", attempted.Length <= MaxActionLength ? attempted : attempted[..MaxActionLength]);
        command.Parameters.AddWithValue("client", client);
        command.Parameters.AddWithValue("hour", hour);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
