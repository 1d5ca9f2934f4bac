using Catalog.Web.SampleCatalog;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Catalog.Web.Extensions;

public static class SampleCatalogExtensions
{
    public static WebApplicationBuilder AddSampleCatalog(this WebApplicationBuilder builder)
    {
        var embedded = string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Catalog"));
        builder.Services.Configure<SampleCatalogOptions>(builder.Configuration.GetSection(SampleCatalogOptions.Section));
        builder.Services.PostConfigure<SampleCatalogOptions>(o => o.EmbeddedDatabase = embedded);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SampleScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SampleScheduler>());
        builder.Services.AddSingleton<SampleCatalogSeeder>();
        return builder;
    }

    /// <summary>
    /// Before serving: harvest the sample catalog on first start, or let the sample's scheduler catch up on the time
    /// the portal was away, so the first page already shows a living catalog.
    /// </summary>
    public static Task SeedSampleCatalogAsync(this WebApplication app) =>
        app.Services.GetRequiredService<SampleCatalogSeeder>().SeedIfEmptyAsync(app.Lifetime.ApplicationStopping);
}
