using System.Text.Json;
using AngleSharp.Dom;
using Catalog.Domain.Audit;
using Catalog.Plugins.Governance.Audit;
using Catalog.Plugins.Ui;
using Catalog.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Web.Tests.Security;

/// <summary>Names hiding a right-to-left override or a zero-width space, as the server renders them (Production).</summary>
public sealed class SpoofedNamesRenderFlaggedTests(ProductionPortalFactory factory) : IClassFixture<ProductionPortalFactory>, IAsyncLifetime
{
    private const string Spoofed = "invoices_\u202Efdp.exe";
    private const string SpoofedOwner = "group:default:bill\u200Bing";
    private const string SpoofedRef = "dataset:billing:" + Spoofed;

    public async Task InitializeAsync()
    {
        await factory.AddDatasetAsync("billing", Spoofed, owner: SpoofedOwner, description: "Paid\u200B invoices");
        await factory.AddFieldAsync("billing", Spoofed, "amount\u202E", "numeric", 1);
        await factory.AddFieldAsync("billing", Spoofed, "card\u200Bnumber", "text", 2, classification: "pii");
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
        AssertNoHiddenCharacterObeyed(page);
    }

    [Fact]
    public async Task The_policies_tab_flags_the_ref_the_owner_and_the_column_names()
    {
        var session = await factory.SessionAsync("spoof-auditor", "auditor");
        var page = await Html.ParseAsync(await session.Client.GetStringAsync("/entity/dataset/billing/" + Uri.EscapeDataString(Spoofed) + "/policies"));

        Assert.Equal("dataset:billing:invoices_⚠ U+202Efdp.exe", page.QuerySelector("[data-testid=entity-ref]")!.TextContent);
        var markers = page.QuerySelectorAll(".hidden-char").Select(m => m.GetAttribute("data-code-point")).ToList();
        Assert.Contains("U+200B", markers); // the owner and the pii column
        Assert.Contains("card⚠ U+200Bnumber", page.Body!.TextContent, StringComparison.Ordinal);
        AssertNoHiddenCharacterObeyed(page);
    }

    [Fact]
    public async Task The_access_review_flags_the_endpoint_and_its_owner()
    {
        var session = await factory.SessionAsync("spoof-auditor", "auditor");
        var page = await Html.ParseAsync(await session.Client.GetStringAsync("/access-review?classification=pii"));

        var row = page.QuerySelectorAll("[data-testid=access-review] tbody tr").Single(r => r.TextContent.Contains("invoices_⚠ U+202Efdp.exe", StringComparison.Ordinal));
        Assert.Contains("group:default:bill⚠ U+200Bing", row.TextContent, StringComparison.Ordinal);
        AssertNoHiddenCharacterObeyed(page);
    }

    [Fact]
    public async Task The_audit_trail_flags_the_actor_the_target_and_the_values()
    {
        await factory.Services.GetRequiredService<AuditTrail>().RecordAsync(new AuditRecord("user:default:mal\u200Blory", AuditActions.GrantAdded, SpoofedRef)
        {
            After = new { principal = SpoofedOwner }, Reason = "asked by \u202Eneila",
        });
        var session = await factory.SessionAsync("spoof-auditor", "auditor");
        var page = await Html.ParseAsync(await session.Client.GetStringAsync("/audit?target=" + Uri.EscapeDataString(SpoofedRef)));

        var row = page.QuerySelector($"tr[data-action='{AuditActions.GrantAdded}']")!;
        Assert.Contains("user:default:mal⚠ U+200Blory", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("dataset:billing:invoices_⚠ U+202Efdp.exe", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("asked by ⚠ U+202Eneila", row.TextContent, StringComparison.Ordinal);
        AssertNoHiddenCharacterObeyed(page);
    }

    /// <summary>Nowhere in the page's text is a hidden character obeyed (attributes such as links keep the escaped name).</summary>
    private static void AssertNoHiddenCharacterObeyed(IDocument page)
    {
        var leaks = page.Body!.QuerySelectorAll("*").Where(e => e.ChildNodes.Any(n => n.NodeType == NodeType.Text && InvisibleCharacters.Contains(n.TextContent)))
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
