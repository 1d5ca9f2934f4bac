using System.Net;

namespace Catalog.Web.Tests.Governance;

[Collection(GovernanceCollection.Name)]
public sealed class PoliciesPageTests(GovernanceWebFactory portal)
{
    [Fact]
    public async Task Anonymous_visitors_can_read_the_policies_but_every_form_is_disabled()
    {
        var session = await portal.SessionAsync(Personas.Anonymous);

        var page = await session.GetDocumentAsync($"/governance/policies/{portal.Seed.Customers}");

        Assert.Equal(GovernanceSeed.CustomersRef, page.QuerySelector("[data-testid=entity-ref]")?.TextContent);
        Assert.Contains("pii", page.QuerySelector("[data-testid=classification]")?.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=read-only-notice]"));
        Assert.NotNull(page.QuerySelector("[data-testid=retention-form] fieldset[disabled]"));
    }

    [Fact]
    public async Task The_owner_sees_enabled_forms_and_the_suggestion_from_column_lineage()
    {
        var session = await portal.SessionAsync(Personas.Owner);

        var page = await session.GetDocumentAsync($"/governance/policies/{portal.Seed.CustomerEmails}");

        Assert.Null(page.QuerySelector("[data-testid=read-only-notice]"));
        Assert.Null(page.QuerySelector("[data-testid=retention-form] fieldset[disabled]"));
        var suggestion = page.QuerySelector("[data-testid=suggestions] tbody tr")?.TextContent ?? "";
        Assert.Contains("customer_email", suggestion);
        Assert.Contains("pii", suggestion);
        Assert.Contains("dataset:food_delivery:public.customers . email", suggestion);
        // signup_day is fed by city only through an INDIRECT edge: no suggestion.
        Assert.DoesNotContain("signup_day", page.QuerySelector("[data-testid=suggestions]")?.TextContent);
    }

    [Fact]
    public async Task The_entity_page_shows_the_policies_tab_from_the_plugin()
    {
        var session = await portal.SessionAsync(Personas.Viewer);

        var response = await session.Client.GetAsync("/entity/dataset/food_delivery/public.customers/policies");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"retention-form\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_policies_of_a_restricted_endpoint_are_hidden_from_those_who_may_not_see_it()
    {
        await portal.ExecuteAsync("UPDATE entities SET visibility = 'restricted' WHERE id = @id", ("id", portal.Seed.Campaigns));
        try
        {
            var viewer = await portal.SessionAsync(Personas.Viewer);
            var auditor = await portal.SessionAsync(Personas.Auditor);

            Assert.Equal(HttpStatusCode.NotFound, (await viewer.Client.GetAsync($"/api/governance/entities/{portal.Seed.Campaigns}/retention")).StatusCode);
            Assert.DoesNotContain("marketing:campaigns", await viewer.Client.GetStringAsync($"/governance/policies/{portal.Seed.Campaigns}"));
            Assert.Equal(HttpStatusCode.OK, (await auditor.Client.GetAsync($"/api/governance/entities/{portal.Seed.Campaigns}/retention")).StatusCode);
        }
        finally
        {
            await portal.ExecuteAsync("UPDATE entities SET visibility = 'everyone' WHERE id = @id", ("id", portal.Seed.Campaigns));
        }
    }
}
