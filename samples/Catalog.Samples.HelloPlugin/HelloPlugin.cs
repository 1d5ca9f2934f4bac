using Catalog.Plugins;
using Catalog.Plugins.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Samples.HelloPlugin;

/// <summary>
/// A minimal third-party plugin: everything a plugin can add, in one file. It references only
/// Catalog.Plugins.Abstractions and is loaded from the path listed in <c>Catalog:Plugins:Assemblies</c>.
/// </summary>
public sealed class HelloPlugin : ICatalogPlugin
{
    public PluginManifest Manifest { get; } = new("hello", "Hello (sample)", "A sample third-party plugin: a page, a card and an endpoint.");

    public void Register(IPluginBuilder plugin)
    {
        var options = new HelloOptions();
        plugin.Configuration.Bind(options);
        plugin.Services.AddSingleton(options);
        plugin.AddNavItem(new NavItem("Hello", "/hello") { Order = 900, Audience = "plugin authors" });
        plugin.AddPages(typeof(HelloPlugin).Assembly);
        plugin.AddEntityCard(new EntityCard("Hello", EntityFilter.Parse("kind:dataset"), typeof(HelloCard)) { Order = 900 });
        // Shows what happens when a card fails: the host renders an error in the card's frame; the page stands.
        plugin.AddEntityCard(new EntityCard("Broken sample card", EntityFilter.Parse("kind:dataset"), typeof(BrokenCard)) { Order = 901 });
        plugin.MapEndpoints(app => app.MapGet("/api/hello", (HelloOptions o) => Results.Ok(new { message = o.Greeting }))
            .WithName("Hello").WithSummary("Says hello (sample plugin).").WithTags("Samples"));
    }
}

/// <summary>Bound from <c>Plugins:hello</c>.</summary>
public sealed class HelloOptions
{
    public string Greeting { get; set; } = "Hello from a plugin";
}
