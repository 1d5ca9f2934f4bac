using Catalog.Plugins.Hosting;

namespace Catalog.Web.Extensions;

public static class PluginHostExtensions
{
    public static WebApplicationBuilder AddCatalogPlugins(this WebApplicationBuilder builder)
    {
        using var loggerFactory = LoggerFactory.Create(l => l.AddConsole());
        builder.Services.LoadPlugins(builder.Configuration, loggerFactory.CreateLogger("Catalog.Plugins"));
        return builder;
    }

    /// <summary>Maps each plugin's endpoints in its own try/catch: a plugin whose endpoints fail is marked, the rest still serve.</summary>
    public static WebApplication MapCatalogPlugins(this WebApplication app)
    {
        var registry = app.Services.GetRequiredService<PluginRegistry>();
        foreach (var (pluginId, map) in registry.EndpointMappers)
        {
            try
            {
                map(app);
            }
            catch (Exception e)
            {
                app.Logger.LogError(e, "Plugin {Id} failed to map its endpoints", pluginId);
                registry.MarkMalfunctioning(pluginId, "Its endpoints could not be mapped: " + e.Message);
            }
        }
        return app;
    }
}
