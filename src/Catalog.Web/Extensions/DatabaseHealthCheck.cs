using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Catalog.Web.Extensions;

/// <summary>Ready when PostgreSQL answers a round trip; used by /healthz and by load balancers.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL did not answer: " + e.Message);
        }
    }
}
