using System.Text.Json;
using Catalog.Plugins.Ui;
using Catalog.Testing;

namespace Catalog.Web.Tests.Security;

/// <summary>Names hiding a right-to-left override or a zero-width space, as the server renders them (Production).</summary>
public sealed class SpoofedNamesRenderFlaggedTests(ProductionPortalFactory factory) : IClassFixture<ProductionPortalFactory>, IAsyncLifetime
{
    private const string Spoofed = "invoices_\u202Efdp.exe";

    public async Task InitializeAsync()
    {
        await factory.AddDatasetAsync("billing", Spoofed, description: "Paid\u200B invoices");
        await factory.AddFieldAsync("billing", Spoofed, "amount\u202E", "numeric", 1);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_entity_page_shows_each_hidden_character_as_a_marker_and_never_emits_it()
    {
        var html = await factory.CreateClient().GetStringAsync("/entity/dataset/billing/" + Uri.EscapeDataString(Spoofed));
        var page = await Html.ParseAsync(html);

        var name = page.QuerySelector("[data-testid=entity-name] bdi")!;
        Assert.Equal("invoices_⚠ U+202Efdp.exe", name.TextContent);
        Assert.Contains("RIGHT-TO-LEFT OVERRIDE", name.QuerySelector(".hidden-char")!.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal("Paid⚠ U+200B invoices", page.QuerySelector("[data-testid=entity-description]")!.TextContent);
        Assert.Contains("amount⚠ U+202E", page.QuerySelector("[data-testid=schema-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("invoices_[⚠U+202E]fdp.exe — Catalog", page.Title);
        // Nowhere in the page's text is the override obeyed (attributes such as links keep the escaped name).
        var leaks = page.Body!.QuerySelectorAll("*").Where(e => e.ChildNodes.Any(n => n.NodeType == AngleSharp.Dom.NodeType.Text && InvisibleCharacters.Contains(n.TextContent)))
            .Select(e => e.OuterHtml[..Math.Min(300, e.OuterHtml.Length)]).ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task The_search_page_flags_the_name_while_the_api_returns_it_unchanged()
    {
        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync("/search?q=invoices");

        var hit = page.QuerySelector($"[data-testid=search-results] li[data-ref='dataset:billing:{Spoofed}']")!;
        Assert.Equal("⚠ U+202E", hit.QuerySelector("a .hidden-char")!.TextContent);
        Assert.NotNull(hit.QuerySelector("a bdi"));

        using var api = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=invoices"));
        Assert.Contains(Spoofed, api.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("plain_name", "plain_name")]
    [InlineData("a\u202Eb", "a[⚠U+202E]b")]
    [InlineData("\u2066x\u2069", "[⚠U+2066]x[⚠U+2069]")]
    [InlineData("zero\u200Bwidth\uFEFF", "zero[⚠U+200B]width[⚠U+FEFF]")]
    [InlineData("עברית", "עברית")] // right-to-left letters are text, not controls
    public void Reveal_names_every_hidden_or_direction_changing_character(string text, string revealed) =>
        Assert.Equal(revealed, InvisibleCharacters.Reveal(text));
}
