using Catalog.Plugins.Dbt.Artifacts;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Plugins.Dbt;

/// <summary>dbt artifacts (manifest, run_results, catalog) as datasets, build jobs, lineage, runs and test outcomes.</summary>
public sealed class DbtPlugin : ICatalogPlugin
{
    public PluginManifest Manifest { get; } = new("dbt", "dbt artifacts",
        "Harvests dbt manifest.json (schema v1–v12), run_results.json and catalog.json: models, sources, seeds and snapshots, lineage, tests and runs.");

    public void Register(IPluginBuilder plugin)
    {
        plugin.Services.AddOptions<DbtOptions>().Bind(plugin.Configuration)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DefaultNamespace) && !o.DefaultNamespace.Contains(':'), "Plugins:dbt:DefaultNamespace must be a non-empty namespace without ':'.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.JobNamespace) && !o.JobNamespace.Contains(':'), "Plugins:dbt:JobNamespace must be a non-empty namespace without ':'.")
            .Validate(o => o.MaxSqlLength > 0, "Plugins:dbt:MaxSqlLength must be positive.");
        plugin.AddHarvester<DbtHarvester>();
    }
}
