using Catalog.Testing;
using System.Net;

namespace Catalog.Web.Tests.Plugins;

/// <summary>The portal with an extra plugin assembly (this test assembly) whose plugin throws while registering.</summary>
public sealed class WebFactoryWithThrowingPlugin : CatalogWebFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Catalog:Plugins:Assemblies:1", typeof(ThrowingPlugin).Assembly.Location),
        new("Catalog:Plugins:Assemblies:2", "/nonexistent/Missing.Plugin.dll"),
    ];
}

public sealed class MalfunctioningPluginTests(WebFactoryWithThrowingPlugin factory) : IClassFixture<WebFactoryWithThrowingPlugin>
{
    [Fact]
    public async Task A_plugin_that_throws_while_registering_is_marked_malfunctioning_and_the_portal_still_starts()
    {
        var client = factory.CreateClient();

        var plugins = await client.GetDocumentAsync("/plugins");
        var home = await client.GetAsync("/");

        var row = plugins.QuerySelector("tr[data-plugin=throwing]");
        Assert.NotNull(row);
        Assert.Contains("malfunctioning", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Registration failed on purpose.", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task A_failed_plugin_leaves_nothing_half_registered()
    {
        var home = await factory.CreateClient().GetDocumentAsync("/");

        Assert.DoesNotContain(home.QuerySelectorAll("nav[aria-label=Main] a"), a => a.GetAttribute("href") == "/half");
        Assert.Contains(home.QuerySelectorAll("nav[aria-label=Main] a"), a => a.GetAttribute("href") == "/hello");
    }

    [Fact]
    public async Task A_listed_plugin_assembly_that_does_not_exist_is_reported_not_fatal()
    {
        var plugins = await factory.CreateClient().GetStringAsync("/api/plugins");

        Assert.Contains("Missing.Plugin.dll", plugins, StringComparison.Ordinal);
        Assert.Contains("does not exist", plugins, StringComparison.Ordinal);
    }
}
