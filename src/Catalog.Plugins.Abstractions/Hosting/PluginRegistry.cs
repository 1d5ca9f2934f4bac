using System.Reflection;
using Catalog.Plugins.Ui;
using Microsoft.AspNetCore.Routing;

namespace Catalog.Plugins.Hosting;

/// <summary>
/// Everything the loaded plugins declared. The host renders navigation, tabs and cards from it and maps the
/// endpoints; it never refers to a plugin by id.
/// </summary>
public sealed class PluginRegistry
{
    private readonly List<PluginStatus> plugins = [];
    private readonly List<NavItem> navItems = [];
    private readonly List<EntityTab> tabs = [];
    private readonly List<EntityCard> cards = [];
    private readonly List<Assembly> pageAssemblies = [];
    private readonly List<(string PluginId, Action<IEndpointRouteBuilder> Map)> endpointMappers = [];
    private readonly List<(string PluginId, Type Type)> harvesters = [];
    private readonly List<PluginStaticContent> staticContent = [];

    public IReadOnlyList<PluginStatus> Plugins => plugins;
    public IReadOnlyList<NavItem> NavItems => [.. navItems.OrderBy(n => n.Order).ThenBy(n => n.Title, StringComparer.Ordinal)];
    public IReadOnlyList<EntityTab> Tabs => [.. tabs.OrderBy(t => t.Order).ThenBy(t => t.Title, StringComparer.Ordinal)];
    public IReadOnlyList<EntityCard> Cards => [.. cards.OrderBy(c => c.Order).ThenBy(c => c.Title, StringComparer.Ordinal)];
    public IReadOnlyList<Assembly> PageAssemblies => pageAssemblies;
    public IReadOnlyList<(string PluginId, Action<IEndpointRouteBuilder> Map)> EndpointMappers => endpointMappers;
    public IReadOnlyList<(string PluginId, Type Type)> Harvesters => harvesters;

    /// <summary>The <c>wwwroot</c> folders of plugin assemblies loaded by path, for the web host to serve.</summary>
    public IReadOnlyList<PluginStaticContent> StaticContent => staticContent;

    internal void Add(PluginStatus status) => plugins.Add(status);

    internal void AddStaticContent(PluginStaticContent content) => staticContent.Add(content);

    internal void Commit(PluginManifest manifest, string source, PluginBuilder staged)
    {
        plugins.Add(new PluginStatus(manifest, source, PluginState.Loaded));
        navItems.AddRange(staged.NavItems);
        tabs.AddRange(staged.Tabs);
        cards.AddRange(staged.Cards);
        pageAssemblies.AddRange(staged.PageAssemblies.Where(a => !pageAssemblies.Contains(a)));
        endpointMappers.AddRange(staged.EndpointMappers.Select(m => (manifest.Id, m)));
        harvesters.AddRange(staged.HarvesterTypes.Select(t => (manifest.Id, t)));
    }

    /// <summary>Marks a plugin malfunctioning after start-up (for example its endpoints failed to map).</summary>
    public void MarkMalfunctioning(string pluginId, string error)
    {
        var index = plugins.FindIndex(p => p.Manifest.Id == pluginId);
        if (index >= 0) plugins[index] = plugins[index] with { State = PluginState.Malfunctioning, Error = error };
    }
}
