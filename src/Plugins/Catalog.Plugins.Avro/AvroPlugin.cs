using Catalog.Plugins.Avro.Harvesting;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Plugins.Avro;

/// <summary>Avro schemas (.avsc, .avpr, .avdl) as versioned event types with compatibility classification.</summary>
public sealed class AvroPlugin : ICatalogPlugin
{
    public PluginManifest Manifest { get; } = new("avro", "Avro schemas",
        "Harvests Avro schemas and protocols as event types, versions them by canonical-form fingerprint and classifies each change's compatibility.");

    public void Register(IPluginBuilder plugin)
    {
        plugin.Services.AddOptions<AvroOptions>().Bind(plugin.Configuration)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DefaultNamespace) && !o.DefaultNamespace.Contains(':'),
                "Plugins:avro:DefaultNamespace must be a non-empty catalog namespace without ':'.");
        plugin.AddHarvester<AvroHarvester>();
    }
}
