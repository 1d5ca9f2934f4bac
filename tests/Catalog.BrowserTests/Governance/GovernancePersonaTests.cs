using Microsoft.Playwright;

namespace Catalog.BrowserTests.Governance;

/// <summary>The three governance personas in a real browser: an owner, a non-owner, an auditor.</summary>
public sealed class GovernancePersonaTests(PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    private const string PoliciesTab = "/entity/dataset/food_delivery/public.customers/policies";

    public Task InitializeAsync() => GovernanceBrowserSeed.EnsureAsync(portal);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IPage> SignInAsync(string user)
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(GovernanceBrowserSeed.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task An_owner_previews_the_retention_plan_then_saves_the_new_retention()
    {
        var page = await SignInAsync("olivia");
        await page.GotoAsync(PoliciesTab);
        await Assertions.Expect(page.GetByTestId("retention-origin")).ToHaveTextAsync("classification default");

        await page.GetByLabel("Keep", new() { Exact = true }).SelectOptionAsync("keep_days");
        await page.GetByLabel("Days / partitions").FillAsync("21");
        await page.GetByLabel("Reason for the change (audit trail)").FillAsync("three weeks is enough for support");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview plan" }).ClickAsync();

        // 40 daily partitions; keeping 21 days expires the 18 that are wholly older: 36 GiB.
        await Assertions.Expect(page.GetByTestId("plan-expiring-count")).ToHaveTextAsync("18");
        await Assertions.Expect(page.GetByTestId("plan-bytes")).ToHaveTextAsync("36 GiB");
        await Assertions.Expect(page.GetByTestId("retention-origin")).ToHaveTextAsync("classification default");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "catalog-retention-plan.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-outcome=done]")).ToContainTextAsync("keep 21 days");
        await Assertions.Expect(page.GetByTestId("effective-retention")).ToContainTextAsync("keep 21 days");
        await Assertions.Expect(page.GetByTestId("retention-origin")).ToHaveTextAsync("edited in the portal");
    }

    [Fact]
    public async Task A_non_owner_sees_a_read_only_form_and_is_refused_by_the_server_even_when_forcing_it()
    {
        var page = await SignInAsync("victor");
        await page.GotoAsync(PoliciesTab);

        await Assertions.Expect(page.GetByTestId("read-only-notice")).ToContainTextAsync("Only members of group:default:orders-team and admins change these policies");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeDisabledAsync();

        // Someone who edits the page to re-enable the form gets the server's refusal, not a saved policy.
        await page.EvaluateAsync("document.querySelectorAll('fieldset[disabled]').forEach(f => f.disabled = false)");
        await page.GetByLabel("Days / partitions").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-outcome=forbidden]")).ToContainTextAsync("Only members of group:default:orders-team or admins may change dataset:food_delivery:public.customers.");
        await Assertions.Expect(page.GetByTestId("effective-retention")).Not.ToContainTextAsync("keep 1 days");
    }

    [Fact]
    public async Task An_auditor_browses_the_audit_trail_filters_it_and_verifies_the_chain()
    {
        var page = await SignInAsync("ada");

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await page.GetByLabel("Action").SelectOptionAsync("grant");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        var rows = page.GetByTestId("audit-events").Locator("tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("grant.added");
        await Assertions.Expect(rows.First).ToContainTextAsync("weekly churn report");
        await Assertions.Expect(page.GetByTestId("audit-events").Locator("tbody tr[data-action='auth.sign-in']")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Verify the chain" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify now" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("verify-result")).ToContainTextAsync("The chain is intact.");
        await Assertions.Expect(page.GetByTestId("head-hash")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
    }
}
