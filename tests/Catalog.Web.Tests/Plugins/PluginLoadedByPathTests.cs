using Catalog.Plugins.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Catalog.Web.Tests.Plugins;

/// <summary>
/// Built-in plugin files (<c>Catalog.Plugins.*.dll</c>) in a folder whose deps.json does not list them, as when a
/// tool runs from another project's bin folder: they load from their path, find a dependency that only sits next to
/// them, and a throwing one is still isolated.
/// </summary>
public sealed class PluginLoadedByPathTests(PluginLoadedByPathTests.PluginFolder plugins) : IClassFixture<PluginLoadedByPathTests.PluginFolder>
{
    private const string Described = "Found next to the plugin by its dependency resolver.";
    private readonly PluginRegistry registry = plugins.Registry;
    private readonly string folder = plugins.Folder;

    /// <summary>
    /// Written and loaded once per test run: an assembly loaded into the default context stays for the process,
    /// so a second folder with the same names would be answered from the first.
    /// </summary>
    public sealed class PluginFolder : IDisposable
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("catalog-plugins-by-path-").FullName;
        public PluginRegistry Registry { get; }

        public PluginFolder()
        {
            var describe = PluginAssemblyWriter.WriteSupportLibrary(Folder, "PathProbeSupport", Described);
            PluginAssemblyWriter.WritePlugin(Folder, "Catalog.Plugins.PathProbe", "path-probe", describe);
            PluginAssemblyWriter.WritePlugin(Folder, "Catalog.Plugins.PathThrowing", "path-throwing", null, throwAfterNavItem: "/half-by-path");
            Registry = new ServiceCollection().LoadPlugins(new ConfigurationBuilder().Build(), NullLogger.Instance, baseDirectory: Folder);
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    [Fact]
    public void A_built_in_plugin_file_unknown_to_the_deps_json_loads_from_its_path_with_its_private_dependency()
    {
        var probe = Assert.Single(registry.Plugins, p => p.Manifest.Id == "path-probe");

        Assert.Equal(PluginState.Loaded, probe.State);
        Assert.Equal("Catalog.Plugins.PathProbe.dll", probe.Source);
        Assert.Equal(Described, probe.Manifest.Description);
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "PathProbeSupport");
        Assert.Equal(Path.Combine(folder, "PathProbeSupport.dll"), loaded.Location);
    }

    [Fact]
    public void A_plugin_loaded_by_path_that_throws_is_malfunctioning_and_leaves_nothing_half_registered()
    {
        var throwing = Assert.Single(registry.Plugins, p => p.Manifest.Id == "path-throwing");

        Assert.Equal(PluginState.Malfunctioning, throwing.State);
        Assert.Equal("Registration failed on purpose (loaded by path).", throwing.Error);
        Assert.DoesNotContain(registry.NavItems, n => n.Href == "/half-by-path");
    }
}
