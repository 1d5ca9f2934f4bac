using Catalog.Harvesting;
using Catalog.Plugins.OpenLineage.Api;
using Catalog.Plugins.OpenLineage.Files;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Plugins.OpenLineage;

/// <summary>OpenLineage: the Marquez-compatible push endpoint and the file harvester <c>openlineage</c>.</summary>
public sealed class OpenLineagePlugin : ICatalogPlugin
{
    public PluginManifest Manifest { get; } = new("openlineage", "OpenLineage",
        "Receives OpenLineage events (POST /api/v1/lineage, Marquez-compatible) and harvests event files into datasets, jobs, runs and lineage.");

    public void Register(IPluginBuilder plugin)
    {
        plugin.Services.AddOptions<OpenLineageOptions>()
            .Bind(plugin.Configuration)
            .Validate(o => !o.Validate().Any(), "Plugins:openlineage is invalid: MaxEventBytes must be at least 1024 and FileParallelism 1–64.")
            .ValidateOnStart();
        plugin.Services.AddCatalogHarvesting();
        plugin.AddHarvester<OpenLineageFileHarvester>();
        plugin.MapEndpoints(LineageApi.Map);
    }
}
