using Catalog.Plugins.Search.Api;
using Catalog.Plugins.Search.Engine;
using Catalog.Plugins.Search.Postgres;
using Catalog.Plugins.Ui;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Search;

/// <summary>Search: the /search page, /api/search and autocomplete, over an <see cref="ISearchEngine"/> (PostgreSQL full-text).</summary>
public sealed class SearchPlugin : ICatalogPlugin
{
    public PluginManifest Manifest { get; } = new(SearchOptions.PluginId, "Search",
        "Find datasets, jobs, event types and teams: ranked full-text search with typo tolerance, filters and facets.");

    public void Register(IPluginBuilder plugin)
    {
        plugin.Services.AddOptions<SearchOptions>().Bind(plugin.Configuration).ValidateOnStart();
        plugin.Services.AddSingleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>();
        plugin.Services.AddSingleton<SearchDocumentWriter>();
        plugin.Services.AddSingleton<SearchDocumentSources>();
        plugin.Services.AddSingleton<SearchEngineStatus>();
        plugin.Services.AddSingleton<ISearchEngine, PostgresSearchEngine>();
        plugin.Services.AddHostedService<SearchStartup>();
        plugin.AddNavItem(new NavItem("Search", "/search") { Order = 10, Icon = "search", Audience = "engineers" });
        plugin.AddPages(typeof(SearchPlugin).Assembly);
        plugin.MapEndpoints(endpoints => endpoints.MapSearchApi());
    }
}
