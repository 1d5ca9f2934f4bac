using System.Net.Http.Headers;
using Catalog.Plugins.Governance.Authentication;
using Catalog.Plugins.Harvesting;
using Catalog.Plugins.Security;
using Catalog.Plugins.Governance.Identity;
using Catalog.Plugins.Governance.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Testing;

/// <summary>
/// A client that pushes metadata the way a real producer does: with an ingest-scoped API token of a service account,
/// minted through the governance plugin's own services (ingest requires a token by default).
/// </summary>
public static class IngestClient
{
    public static async Task<HttpClient> CreateIngestClientAsync(this CatalogWebFactory factory, string account = "ingest-bot", IReadOnlyCollection<string>? namespaces = null)
    {
        using var scope = factory.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminUserCommand>();
        // Ingest tokens are for admins and service accounts only, bound to namespaces: a producer is a service account.
        var created = await accounts.AddUserAsync(account, $"test-password-{Guid.NewGuid():N}", null, [CatalogRoles.Service], "test-setup");
        if (!created.Succeeded) throw new InvalidOperationException(created.Message);
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<CatalogUser>>().FindByNameAsync(account)
            ?? throw new InvalidOperationException($"The account {account} was not found after creating it.");
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .CreateAsync(user.Id, user.CatalogUserRef!, "test producer", ["ingest"], lifetimeDays: 1, namespaces: namespaces ?? [HarvestPusher.AnyNamespace]);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }
}
