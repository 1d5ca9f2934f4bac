using Catalog.Plugins;
using Catalog.Plugins.Ui;

namespace Catalog.Web.Tests.Plugins;

/// <summary>A plugin whose registration fails halfway, after adding a nav item: the host must keep none of it.</summary>
public sealed class ThrowingPlugin : ICatalogPlugin
{
    public PluginManifest Manifest { get; } = new("throwing", "Throwing (test)", "Fails during registration.");

    public void Register(IPluginBuilder plugin)
    {
        plugin.AddNavItem(new NavItem("Half registered", "/half"));
        throw new InvalidOperationException("Registration failed on purpose.");
    }
}
