using Catalog.Plugins.Harvesting;
using Catalog.Plugins.Search;
using Catalog.Plugins.Ui;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Plugins;

/// <summary>What a plugin may add. Everything is declared as data and collected by the host; nothing is global.</summary>
public interface IPluginBuilder
{
    PluginManifest Manifest { get; }

    /// <summary>Host services; register the plugin's own services here.</summary>
    IServiceCollection Services { get; }

    /// <summary>The plugin's own section, <c>Plugins:{Id}</c>, of appsettings.json and environment variables.</summary>
    IConfiguration Configuration { get; }

    /// <summary>An item of the portal's main navigation.</summary>
    IPluginBuilder AddNavItem(NavItem item);

    /// <summary>A tab on entity pages whose entity matches the tab's filter.</summary>
    IPluginBuilder AddEntityTab(EntityTab tab);

    /// <summary>A card on the overview tab of entity pages whose entity matches the card's filter.</summary>
    IPluginBuilder AddEntityCard(EntityCard card);

    /// <summary>Routable Razor components (<c>@page</c>) in this assembly become portal pages.</summary>
    IPluginBuilder AddPages(System.Reflection.Assembly assembly);

    /// <summary>REST endpoints, mapped when the web host starts (not in the indexer).</summary>
    IPluginBuilder MapEndpoints(Action<IEndpointRouteBuilder> map);

    /// <summary>A harvester the indexer can run (<c>catalog-indexer harvest {kind} …</c>).</summary>
    IPluginBuilder AddHarvester<THarvester>() where THarvester : class, IHarvester;

    /// <summary>A source of search documents for the entity kinds this plugin owns.</summary>
    IPluginBuilder AddSearchDocumentSource<TSource>() where TSource : class, ISearchDocumentSource;
}
