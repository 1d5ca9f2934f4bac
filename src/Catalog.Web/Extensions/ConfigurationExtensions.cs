namespace Catalog.Web.Extensions;

public static class ConfigurationExtensions
{
    /// <summary>
    /// The repository's appsettings.json is the one configuration file of every process (copied next to the
    /// binaries). It goes first, so environment variables and command-line arguments still override it.
    /// </summary>
    public static WebApplicationBuilder AddCatalogConfiguration(this WebApplicationBuilder builder)
    {
        var shared = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(shared)) return builder;
        // Rebuilding the list (rather than inserting) makes the configuration manager reload every source in order.
        var existing = builder.Configuration.Sources.ToList();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonFile(shared, optional: true, reloadOnChange: false);
        foreach (var source in existing) builder.Configuration.Sources.Add(source);
        return builder;
    }
}
