using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Plugins.PostgresIntrospection;

/// <summary>Adds the <c>postgres</c> harvester: <c>catalog-indexer harvest postgres "Host=…;Database=…"</c>.</summary>
public sealed class PostgresIntrospectionPlugin : ICatalogPlugin
{
    public PluginManifest Manifest { get; } = new("postgres-introspection", "PostgreSQL introspection",
        "Harvests a live PostgreSQL database: tables, partitions, views, columns, keys, sizes and view lineage.");

    public void Register(IPluginBuilder plugin)
    {
        plugin.Services.AddOptions<PostgresIntrospectionOptions>()
            .Bind(plugin.Configuration)
            .Validate(o => o.CommandTimeoutSeconds > 0, "Plugins:postgres-introspection:CommandTimeoutSeconds must be positive.")
            .ValidateOnStart();
        plugin.AddHarvester<PostgresHarvester>();
    }
}
