using Catalog.Plugins.Hosting;
using Microsoft.AspNetCore.Rewrite;
using Microsoft.Extensions.FileProviders;

namespace Catalog.Web.Extensions;

/// <summary>
/// The portal's static files in every environment: its own <c>wwwroot</c>, the <c>/_content/{assembly}/</c> files of
/// the plugins it references, and the <c>wwwroot</c> of each plugin loaded by path.
/// </summary>
public static class StaticContentExtensions
{
    /// <summary>
    /// Run from a build output (<c>dotnet run</c>, <c>./catalog.sh start</c>), referenced projects' static files stay
    /// in their source folders and are found through the build's <c>Catalog.Web.staticwebassets.runtime.json</c>.
    /// ASP.NET Core reads that manifest by itself only in Development; asking for it here makes Production serve
    /// the same files. A published app has no such manifest (the files are copied into its <c>wwwroot/_content</c>),
    /// and then this does nothing.
    /// </summary>
    public static WebApplicationBuilder AddCatalogStaticContent(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    public static WebApplication UseCatalogStaticContent(this WebApplication app)
    {
        // Browsers and tools that ignore <link rel="icon"> still ask for /favicon.ico: give them the same icon.
        app.UseRewriter(new RewriteOptions().AddRewrite("^favicon\\.ico$", "favicon.svg", skipRemainingRules: true));
        app.UseStaticFiles();
        var registry = app.Services.GetRequiredService<PluginRegistry>();
        foreach (var content in registry.StaticContent)
            app.UseStaticFiles(new StaticFileOptions { RequestPath = content.RequestPath, FileProvider = new PhysicalFileProvider(content.Directory) });
        return app;
    }
}
