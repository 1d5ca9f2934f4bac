using Catalog.Plugins.Hosting;

namespace Catalog.Web.Api;

/// <summary>Which plugins are loaded and which are malfunctioning (for operators and monitoring).</summary>
public static class PluginsApi
{
    public sealed record PluginDto(string Id, string Name, string Description, string Version, string Source, string State, string? Error);

    public static IEndpointRouteBuilder MapPluginsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plugins", (PluginRegistry registry) => registry.Plugins
                .Select(p => new PluginDto(p.Manifest.Id, p.Manifest.Name, p.Manifest.Description, p.Manifest.Version, p.Source,
                    p.State == PluginState.Loaded ? "loaded" : "malfunctioning", p.Error)))
            .WithName("ListPlugins").WithSummary("Loaded and malfunctioning plugins.").WithTags("Plugins");
        return app;
    }
}
