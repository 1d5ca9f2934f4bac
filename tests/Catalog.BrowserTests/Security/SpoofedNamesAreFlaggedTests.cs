using Microsoft.Playwright;

namespace Catalog.BrowserTests.Security;

/// <summary>
/// A dataset whose name hides a right-to-left override (U+202E: "invoices_‮fdp.exe" reads "invoices_exe.pdf") and a
/// job with a zero-width space: wherever they render they are flagged, and never reorder the text around them.
/// </summary>
public sealed class SpoofedNamesAreFlaggedTests(PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    private const string Spoofed = "invoices_\u202Efdp.exe";
    private const string Hidden = "load\u200Binvoices";

    public async Task InitializeAsync()
    {
        await portal.Portal.ExecuteAsync("""
            INSERT INTO entities (kind, namespace, name, description) VALUES
              ('dataset', 'billing', $1, 'Monthly invoices'), ('job', 'billing', $2, NULL), ('dataset', 'billing', 'raw_invoices', NULL)
            ON CONFLICT DO NOTHING
            """, Spoofed, Hidden);
        await portal.Portal.ExecuteAsync(
            "INSERT INTO datasets (entity_id) SELECT id FROM entities WHERE kind = 'dataset' AND namespace = 'billing' ON CONFLICT DO NOTHING");
        await portal.Portal.ExecuteAsync("""
            INSERT INTO lineage_edges (from_id, to_id, edge_kind)
            SELECT f.id, t.id, x.k FROM (VALUES ('dataset', 'raw_invoices', 'job', $2, 'reads'), ('job', $2, 'dataset', $1, 'writes')) x(fk, fn, tk, tn, k)
            JOIN entities f ON f.kind = x.fk AND f.namespace = 'billing' AND f.name = x.fn
            JOIN entities t ON t.kind = x.tk AND t.namespace = 'billing' AND t.name = x.tn
            ON CONFLICT DO NOTHING
            """, Spoofed, Hidden);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_entity_page_shows_the_override_as_a_marker_isolated_from_the_text_around_it()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/entity/dataset/billing/" + Uri.EscapeDataString(Spoofed));

        var heading = page.GetByTestId("entity-name");
        var marker = heading.Locator(".hidden-char");
        await Assertions.Expect(marker).ToHaveTextAsync("⚠ U+202E");
        await Assertions.Expect(marker).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("RIGHT-TO-LEFT OVERRIDE"));
        // The override itself is not in the page, so "fdp.exe" reads as stored; the name sits in a <bdi>.
        Assert.Equal("invoices_⚠ U+202Efdp.exe", await heading.InnerTextAsync());
        Assert.Equal(1, await heading.Locator("bdi").CountAsync());
        Assert.DoesNotContain("\u202E", await page.TitleAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_results_flag_the_hidden_characters_and_the_api_still_returns_the_raw_name()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/search?q=invoices");

        var hit = page.Locator($"[data-testid=search-results] li[data-ref='dataset:billing:{Spoofed}']");
        await Assertions.Expect(hit.Locator(".hidden-char").First).ToHaveTextAsync("⚠ U+202E");
        var job = page.Locator($"[data-testid=search-results] li[data-ref='job:billing:{Hidden}']");
        await Assertions.Expect(job.Locator(".hidden-char").First).ToHaveTextAsync("⚠ U+200B");

        var api = await page.APIRequest.GetAsync("/api/search?q=invoices");
        using var json = System.Text.Json.JsonDocument.Parse(await api.TextAsync());
        Assert.Contains(Spoofed, json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_lineage_tab_flags_them_in_the_list_and_in_the_graph_labels()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/entity/dataset/billing/" + Uri.EscapeDataString(Spoofed) + "/lineage");
        await page.Locator("[data-lineage-root][data-lineage-ready=true]").WaitForAsync();

        var labels = await page.EvaluateAsync<string[]>("() => window.catalogLineage.cy.nodes().map(n => n.data('label'))");
        Assert.Contains("invoices_[⚠U+202E]fdp.exe", labels);
        Assert.Contains("load[⚠U+200B]invoices", labels);
        Assert.DoesNotContain(labels, l => l.Contains('\u202E') || l.Contains('\u200B'));

        await page.GetByRole(AriaRole.Button, new() { Name = "List" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-lineage-list] .hidden-char").First).ToHaveTextAsync("⚠ U+200B");
    }
}
