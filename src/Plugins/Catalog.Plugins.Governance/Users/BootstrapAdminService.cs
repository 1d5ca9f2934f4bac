using Catalog.Plugins.Governance.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Plugins.Governance.Users;

/// <summary>
/// First run: creates <c>Plugins:governance:BootstrapAdmin</c> when configured and no account of that name exists.
/// Runs in the background so start-up is not held up, and waits for the schema if the host is still migrating.
/// </summary>
public sealed class BootstrapAdminService(IServiceScopeFactory scopes, IOptions<GovernanceOptions> options, ILogger<BootstrapAdminService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var admin = options.Value.BootstrapAdmin;
        if (string.IsNullOrWhiteSpace(admin.UserName) || string.IsNullOrEmpty(admin.Password)) return;
        for (var attempt = 1; attempt <= 30 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<CatalogUser>>();
                if (await users.FindByNameAsync(admin.UserName) is not null) return;
                var result = await scope.ServiceProvider.GetRequiredService<AdminUserCommand>()
                    .AddAdminAsync(admin.UserName, admin.Password, admin.Email, "system:bootstrap", stoppingToken);
                if (result.Succeeded) logger.LogInformation("Bootstrap admin: {Message}", result.Message);
                else logger.LogError("Bootstrap admin not created: {Message} (fix Plugins:governance:BootstrapAdmin)", result.Message);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // The host has not applied migration 0400 yet.
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }
}
