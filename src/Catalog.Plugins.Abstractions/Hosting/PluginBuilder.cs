using System.Reflection;
using Catalog.Plugins.Harvesting;
using Catalog.Plugins.Search;
using Catalog.Plugins.Ui;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Plugins.Hosting;

/// <summary>
/// Collects one plugin's registrations in a staging area. The loader copies them into the host only when
/// <see cref="ICatalogPlugin.Register"/> returned normally, so a plugin that throws halfway leaves nothing behind.
/// </summary>
internal sealed class PluginBuilder(PluginManifest manifest, IConfiguration configuration) : IPluginBuilder
{
    public PluginManifest Manifest { get; } = manifest;
    public IServiceCollection Services { get; } = new ServiceCollection();
    public IConfiguration Configuration { get; } = configuration;

    public List<NavItem> NavItems { get; } = [];
    public List<EntityTab> Tabs { get; } = [];
    public List<EntityCard> Cards { get; } = [];
    public List<Assembly> PageAssemblies { get; } = [];
    public List<Action<IEndpointRouteBuilder>> EndpointMappers { get; } = [];
    public List<Type> HarvesterTypes { get; } = [];

    public IPluginBuilder AddNavItem(NavItem item) { NavItems.Add(item); return this; }
    public IPluginBuilder AddEntityTab(EntityTab tab) { Tabs.Add(tab); return this; }
    public IPluginBuilder AddEntityCard(EntityCard card) { Cards.Add(card); return this; }
    public IPluginBuilder AddPages(Assembly assembly) { PageAssemblies.Add(assembly); return this; }
    public IPluginBuilder MapEndpoints(Action<IEndpointRouteBuilder> map) { EndpointMappers.Add(map); return this; }

    public IPluginBuilder AddHarvester<THarvester>() where THarvester : class, IHarvester
    {
        HarvesterTypes.Add(typeof(THarvester));
        Services.AddTransient<IHarvester, THarvester>();
        return this;
    }

    public IPluginBuilder AddSearchDocumentSource<TSource>() where TSource : class, ISearchDocumentSource
    {
        Services.AddTransient<ISearchDocumentSource, TSource>();
        return this;
    }
}
