namespace Catalog.Web.Extensions;

public static class ConfigurationExtensions
{
    /// <summary>
    /// The repository's appsettings.json is the one configuration file of every process (copied next to the
    /// binaries). Environment variables and command-line arguments still override it.
    /// </summary>
    public static WebApplicationBuilder AddCatalogConfiguration(this WebApplicationBuilder builder)
    {
        var shared = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(shared))
        {
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                Path = shared, Optional = true, ReloadOnChange = false,
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
            });
        }
        return builder;
    }
}
