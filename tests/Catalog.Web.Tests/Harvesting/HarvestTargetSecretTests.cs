using Catalog.Harvesting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Web.Tests.Harvesting;

/// <summary>
/// Issue 13, hole 1, as an anonymous visitor of the portal in Production sees it: a harvest of a live PostgreSQL whose
/// connection string holds a password shows on <c>/harvests</c> and the home page by host, port, database and user,
/// never with the password.
/// </summary>
public sealed class HarvestTargetSecretTests(HarvestTargetSecretTests.ProductionPortal portal) : IClassFixture<HarvestTargetSecretTests.ProductionPortal>
{
    [Fact]
    public async Task The_harvest_runs_page_and_the_home_page_name_the_database_and_never_show_its_password()
    {
        var target = await SecretTarget.CreateAsync("secret-web");
        var summary = await portal.Services.GetRequiredService<HarvestRunner>().RunAsync("postgres", target.ConnectionString);
        Assert.Equal(HarvestRunStatus.Succeeded, summary.Status);
        using var anonymous = portal.CreateClient();

        var harvests = await anonymous.GetStringAsync("/harvests");
        var home = await anonymous.GetStringAsync("/");

        foreach (var html in new[] { harvests, home })
        {
            Assert.Contains($"Database={target.Database};Username={target.Username};Password=***", html, StringComparison.Ordinal);
            Assert.DoesNotContain(target.Password, html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Empty(await CatalogDatabaseScan.FindAsync(portal.ConnectionString, target.Password));
    }

    public sealed class ProductionPortal : CatalogWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
