using Catalog.Storage.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catalog.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The catalog's PostgreSQL: one <see cref="NpgsqlDataSource"/> (for hand-written SQL: bulk ingest, graph queries)
    /// and an EF Core context factory over the same data source (short-lived contexts, one per operation).
    /// </summary>
    public static IServiceCollection AddCatalogStorage(this IServiceCollection services, string connectionString)
    {
        var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
        dataSourceBuilder.EnableDynamicJson();
        var dataSource = dataSourceBuilder.Build();
        services.AddSingleton(dataSource);
        services.AddPooledDbContextFactory<CatalogDbContext>(o => o.UseNpgsql(dataSource).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }
}
