namespace Catalog.Plugins;

/// <summary>
/// A plugin: one class per plugin assembly. The host finds it, asks for its <see cref="Manifest"/>, and calls
/// <see cref="Register"/> once inside its own try/catch; a plugin that throws is shown as malfunctioning and
/// the rest of the portal starts. Built-in features (search, lineage, policies, cost, health) use this same contract.
/// </summary>
public interface ICatalogPlugin
{
    PluginManifest Manifest { get; }

    /// <summary>Adds the plugin's services and extensions. Must not do I/O: the database may not be up yet.</summary>
    void Register(IPluginBuilder plugin);
}
