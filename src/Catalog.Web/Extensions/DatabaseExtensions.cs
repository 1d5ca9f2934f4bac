using Catalog.Storage;
using Catalog.Storage.Migrations;
using Microsoft.Extensions.Options;

namespace Catalog.Web.Extensions;

public static class DatabaseExtensions
{
    /// <summary>Resolves the connection string (starting the embedded cluster when none is configured) and adds storage.</summary>
    public static async Task<WebApplicationBuilder> AddCatalogDatabaseAsync(this WebApplicationBuilder builder)
    {
        using var loggerFactory = LoggerFactory.Create(l => l.AddConsole());
        var connectionString = await CatalogDatabase.ResolveConnectionStringAsync(builder.Configuration, loggerFactory.CreateLogger("Catalog.Database"));
        builder.Services.AddCatalogStorage(connectionString);
        builder.Services.Configure<CatalogDatabaseOptions>(builder.Configuration.GetSection(CatalogDatabaseOptions.Section));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static async Task MigrateCatalogDatabaseAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<CatalogDatabaseOptions>>().Value.MigrateOnStartup) return;
        var report = await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        app.Logger.LogInformation("Database schema at {Total} migrations ({Applied} applied now)", report.Total, report.Applied.Count);
    }
}
