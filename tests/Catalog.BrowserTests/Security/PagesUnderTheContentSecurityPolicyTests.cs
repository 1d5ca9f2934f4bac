using Catalog.BrowserTests.Lineage;
using Microsoft.Playwright;

namespace Catalog.BrowserTests.Security;

/// <summary>The main pages in Chromium under the portal's Content-Security-Policy: they work, and nothing is refused.</summary>
public sealed class PagesUnderTheContentSecurityPolicyTests(PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => LineageSeed.PipelineAsync(portal.Portal);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_main_pages_load_their_scripts_and_styles_with_no_violation_reported()
    {
        var page = await portal.NewPageAsync();
        string[] pages = ["/", "/search?q=orders", "/entities", "/entity/dataset/shop/mart.orders", "/cost", "/health", "/harvests",
            "/plugins", "/account/sign-in", "/lineage/impact?nodeId=dataset%3Ashop%3Araw.orders"];

        foreach (var path in pages)
        {
            var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            Assert.Contains("script-src 'self'", await response.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        }
        // The lineage tab runs the most script (cytoscape, dagre, the plugin's own): the graph is drawn.
        await page.GotoAsync("/entity/dataset/shop/mart.orders/lineage");
        await page.Locator("[data-lineage-root][data-lineage-ready=true]").WaitForAsync();
        Assert.True(await page.EvaluateAsync<int>("() => window.catalogLineage.cy.nodes().length") >= 3);
        // htmx and tabler loaded from /lib.
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.htmx !== 'undefined'"));

        Assert.Empty(portal.CspViolations);
    }

    [Fact]
    public async Task An_inline_script_is_refused_and_the_refusal_is_seen()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");

        // What an injected <script> or onclick= would be: the page's CSP refuses it.
        await page.EvaluateAsync("""
            () => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.appendChild(s); }
            """);
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");

        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"));
        await WaitForAsync(() => !portal.CspViolations.IsEmpty);
        Assert.Contains(portal.CspViolations, v => v.Contains("script-src", StringComparison.Ordinal));
        portal.ClearCspViolations();
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
    }
}
