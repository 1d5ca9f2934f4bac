namespace Catalog.Plugins;

/// <summary>Who a plugin is. <see cref="Id"/> is stable, lower-case with dashes, and names its configuration section <c>Plugins:{Id}</c>.</summary>
public sealed record PluginManifest(string Id, string Name, string Description)
{
    public string Version { get; init; } = "1.0.0";
}
