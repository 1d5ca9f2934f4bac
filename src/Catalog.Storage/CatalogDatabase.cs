using Catalog.Storage.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Catalog.Storage;

/// <summary>Resolves the connection string: the configured server, or the embedded cluster (started on demand).</summary>
public static class CatalogDatabase
{
    public const string ConnectionStringName = "Catalog";

    public static async Task<string> ResolveConnectionStringAsync(IConfiguration configuration, ILogger logger, CancellationToken cancellationToken = default)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var options = configuration.GetSection(CatalogDatabaseOptions.Section).Get<CatalogDatabaseOptions>() ?? new CatalogDatabaseOptions();
        options.Embedded.DataDirectory ??= Path.Combine(RepositoryPaths.StateDirectory, "postgres");
        logger.LogInformation("No ConnectionStrings:Catalog configured: using the embedded PostgreSQL in {Directory}", options.Embedded.DataDirectory);
        return await new EmbeddedPostgres(options.Embedded, logger).StartAsync(cancellationToken);
    }
}
