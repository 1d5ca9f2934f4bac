using Catalog.Harvesting;
using Catalog.Indexer.Output;
using Catalog.Plugins.Hosting;
using Catalog.Storage;
using Catalog.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Catalog.Indexer;

/// <summary>
/// The indexer's services: the same database resolution and migrations as the portal, the plugins' harvesters
/// (found by the portal's plugin loader), and the harvest engine.
/// </summary>
internal static class IndexerHost
{
    public static IConfiguration Configuration(string[] args) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args.Where(a => a.StartsWith("--ConnectionStrings:", StringComparison.Ordinal) || a.StartsWith("--Catalog:", StringComparison.Ordinal)).ToArray())
        .Build();

    public static async Task<ServiceProvider> StartAsync(IConfiguration configuration, bool migrate, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        // Through Spectre's console, so a line logged during a harvest appears above its progress bar, not inside it.
        services.AddLogging(l => l.AddProvider(new ConsoleLoggerProvider()).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning));
        services.AddSingleton(configuration);
        using (var loggerFactory = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)))
        {
            var connectionString = await CatalogDatabase.ResolveConnectionStringAsync(configuration, loggerFactory.CreateLogger("Catalog.Database"), cancellationToken);
            services.AddCatalogStorage(connectionString);
            services.LoadPlugins(configuration, loggerFactory.CreateLogger("Catalog.Plugins"));
        }
        services.AddCatalogHarvesting(configuration);
        var provider = services.BuildServiceProvider();
        if (migrate) await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken: cancellationToken);
        return provider;
    }
}
