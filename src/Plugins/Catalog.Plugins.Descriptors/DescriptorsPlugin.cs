using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Catalog.Plugins.Descriptors;

/// <summary>Adds the <c>descriptors</c> harvester. Other plugins may register more <see cref="IDescriptorMapper"/>s for their own kinds.</summary>
public sealed class DescriptorsPlugin : ICatalogPlugin
{
    public PluginManifest Manifest { get; } = new("descriptors", "Descriptor YAML",
        "Harvests Backstage-style descriptor YAML: org structure and ownership, plus catalog.dev/v1 Dataset and Workflow declarations.");

    public void Register(IPluginBuilder plugin)
    {
        plugin.Services.AddOptions<DescriptorsOptions>()
            .Bind(plugin.Configuration)
            .Validate(o => !o.Validate().Any(), "Plugins:descriptors is invalid: FilePatterns must not contain empty patterns and MaxFileBytes must be at least 1024.")
            .ValidateOnStart();
        // Mappers are asked in registration order; the built-in ones go first, the Backstage catch-all last.
        foreach (var mapper in DescriptorMappers.BuiltIn)
            plugin.Services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IDescriptorMapper), mapper.GetType()));
        plugin.AddHarvester<DescriptorHarvester>();
    }
}
