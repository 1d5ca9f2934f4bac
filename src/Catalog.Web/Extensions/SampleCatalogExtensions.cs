using Catalog.Web.SampleCatalog;

namespace Catalog.Web.Extensions;

public static class SampleCatalogExtensions
{
    public static WebApplicationBuilder AddSampleCatalog(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SampleCatalogOptions>(builder.Configuration.GetSection(SampleCatalogOptions.Section));
        builder.Services.AddSingleton<SampleCatalogSeeder>();
        return builder;
    }

    /// <summary>First start only: harvest the sample catalog before serving, so the first page already shows it.</summary>
    public static Task SeedSampleCatalogAsync(this WebApplication app) =>
        app.Services.GetRequiredService<SampleCatalogSeeder>().SeedIfEmptyAsync(app.Lifetime.ApplicationStopping);
}
