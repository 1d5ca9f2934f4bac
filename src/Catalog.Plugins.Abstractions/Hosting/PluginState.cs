namespace Catalog.Plugins.Hosting;

public enum PluginState
{
    Loaded,
    /// <summary>Its assembly could not be loaded or its registration threw; the rest of the portal runs without it.</summary>
    Malfunctioning,
}

/// <summary>What the host knows about one plugin: shown on the /plugins page.</summary>
public sealed record PluginStatus(PluginManifest Manifest, string Source, PluginState State)
{
    public string? Error { get; init; }
}
