using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Plugins.GreatExpectations;

/// <summary>Great Expectations validation results as quality outcomes, and expectation suites as quality checks.</summary>
public sealed class GreatExpectationsPlugin : ICatalogPlugin
{
    public PluginManifest Manifest { get; } = new("great-expectations", "Great Expectations",
        "Harvests Great Expectations validation results (0.13-era and 1.x) as quality outcomes on datasets, and expectation suites as quality checks.");

    public void Register(IPluginBuilder plugin)
    {
        plugin.Services.AddOptions<GreatExpectationsOptions>().Bind(plugin.Configuration)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DefaultNamespace) && !o.DefaultNamespace.Contains(':'),
                "Plugins:great-expectations:DefaultNamespace must be a non-empty namespace without ':'.");
        plugin.AddHarvester<GreatExpectationsHarvester>();
    }
}
