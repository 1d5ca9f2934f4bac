using Catalog.Web.Api;

namespace Catalog.Web.Extensions;

public static class ApiExtensions
{
    /// <summary>The host's own REST endpoints; plugins map theirs through MapCatalogPlugins.</summary>
    public static WebApplication MapCatalogApi(this WebApplication app)
    {
        app.MapEntitiesApi();
        app.MapPluginsApi();
        return app;
    }
}
