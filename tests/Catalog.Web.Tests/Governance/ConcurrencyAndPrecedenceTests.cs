using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Catalog.Web.Tests.Governance;

[Collection(GovernanceCollection.Name)]
public sealed class ConcurrencyAndPrecedenceTests(GovernanceWebFactory portal)
{
    private string Api => $"/api/governance/entities/{portal.Seed.Customers}";

    private async Task<JsonElement> EffectiveAsync(PortalSession session) =>
        await session.Client.GetFromJsonAsync<JsonElement>($"{Api}/retention");

    [Fact]
    public async Task The_second_of_two_editors_who_read_the_same_version_gets_a_conflict_not_a_lost_update()
    {
        var owner = await portal.SessionAsync(Personas.Owner);
        var admin = await portal.SessionAsync(Personas.Admin);
        var version = (await EffectiveAsync(owner)).GetProperty("portalVersion").GetInt32();

        var first = await owner.PutJsonAsync($"{Api}/retention", new { mode = "keep_days", value = "14", version, reason = "first" });
        var second = await admin.PutJsonAsync($"{Api}/retention", new { mode = "keep_days", value = "21", version, reason = "second" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Someone else changed this retention policy while you were editing: it is now 'keep 14 days' (by user:default:olivia", await second.Content.ReadAsStringAsync());
        Assert.Equal(14, (await EffectiveAsync(owner)).GetProperty("effective").GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task A_stale_form_shows_the_conflict_with_status_409()
    {
        var owner = await portal.SessionAsync(Personas.Owner);
        var version = (await EffectiveAsync(owner)).GetProperty("portalVersion").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await owner.PutJsonAsync($"{Api}/retention", new { mode = "keep_days", value = "10", version })).StatusCode);

        var stale = await owner.PostFormAsync($"/governance/policies/{portal.Seed.Customers}", "gov-retention", new()
        {
            ["RetentionInput.Mode"] = "keep_days", ["RetentionInput.Value"] = "12", ["RetentionInput.Version"] = version.ToString(), ["RetentionInput.Intent"] = "save",
        });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("data-outcome=\"conflict\"", await stale.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_portal_edit_wins_over_the_descriptor_both_are_shown_and_a_reset_returns_to_the_descriptor()
    {
        var owner = await portal.SessionAsync(Personas.Owner);
        await portal.ExecuteAsync("""
            INSERT INTO retention_policies (scope, entity_id, mode, value, origin, updated_by) VALUES ('entity', @id, 'keep_days', 25, 'descriptor', 'harvest')
            ON CONFLICT (entity_id, origin) WHERE scope = 'entity' DO UPDATE SET value = 25
            """, ("id", portal.Seed.Customers));
        var version = (await EffectiveAsync(owner)).GetProperty("portalVersion").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await owner.PutJsonAsync($"{Api}/retention", new { mode = "keep_days", value = "9", version })).StatusCode);

        // The harvester runs again and rewrites its own (descriptor) row: the portal edit still wins.
        await portal.ExecuteAsync("UPDATE retention_policies SET value = 28 WHERE entity_id = @id AND origin = 'descriptor'", ("id", portal.Seed.Customers));
        var effective = await EffectiveAsync(owner);
        Assert.Equal(9, effective.GetProperty("effective").GetProperty("value").GetInt32());
        Assert.Equal("edited in the portal", effective.GetProperty("effective").GetProperty("origin").GetString());
        Assert.Equal(28, effective.GetProperty("overriddenDescriptor").GetProperty("value").GetInt32());
        var page = await owner.Client.GetStringAsync($"/governance/policies/{portal.Seed.Customers}");
        Assert.Contains("The descriptor declares <strong>keep 28 days</strong>", page);

        var reset = await owner.Client.DeleteAsync($"{Api}/retention?version={effective.GetProperty("portalVersion").GetInt32()}&reason=back+to+code");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var after = await EffectiveAsync(owner);
        Assert.Equal(28, after.GetProperty("effective").GetProperty("value").GetInt32());
        Assert.Equal("declared in the descriptor", after.GetProperty("effective").GetProperty("origin").GetString());
        await portal.ExecuteAsync("DELETE FROM retention_policies WHERE entity_id = @id AND origin = 'descriptor'", ("id", portal.Seed.Customers));
    }

    [Fact]
    public async Task A_classification_edited_in_the_portal_survives_the_next_harvest_and_the_harvested_value_is_kept()
    {
        var admin = await portal.SessionAsync(Personas.Admin);
        var version = await portal.ScalarAsync<int>("SELECT version FROM entities WHERE id = @id", ("id", portal.Seed.Campaigns));
        var response = await admin.PutJsonAsync($"/api/governance/entities/{portal.Seed.Campaigns}/classification", new { classification = "confidential", version, reason = "holds spend" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // What a harvest does: rewrite the entity and replace its columns, unaware of the portal.
        await portal.ExecuteAsync("UPDATE entities SET classification = 'public', updated_at = now() WHERE id = @id", ("id", portal.Seed.Campaigns));

        Assert.Equal("confidential", await portal.ScalarAsync<string>("SELECT classification FROM entities WHERE id = @id", ("id", portal.Seed.Campaigns)));
        Assert.Equal("public", await portal.ScalarAsync<string>("SELECT harvested FROM classification_overrides WHERE entity_id = @id AND field_name = ''", ("id", portal.Seed.Campaigns)));
        var page = await admin.Client.GetStringAsync($"/governance/policies/{portal.Seed.Campaigns}");
        Assert.Contains("edited in the portal; harvesting says public", page);
    }

    [Fact]
    public async Task A_column_classification_survives_the_harvest_deleting_and_reinserting_the_columns()
    {
        var owner = await portal.SessionAsync(Personas.Owner);
        var version = await portal.ScalarAsync<int>("SELECT version FROM entities WHERE id = @id", ("id", portal.Seed.CustomerEmails));
        Assert.Equal(HttpStatusCode.OK, (await owner.PutJsonAsync($"/api/governance/entities/{portal.Seed.CustomerEmails}/classification",
            new { field = "signup_day", classification = "confidential", version })).StatusCode);

        await portal.ExecuteAsync("DELETE FROM dataset_fields WHERE entity_id = @id AND name = 'signup_day'", ("id", portal.Seed.CustomerEmails));
        await portal.ExecuteAsync("INSERT INTO dataset_fields (entity_id, ordinal, name, data_type) VALUES (@id, 1, 'signup_day', 'date')", ("id", portal.Seed.CustomerEmails));

        Assert.Equal("confidential", await portal.ScalarAsync<string>("SELECT classification FROM dataset_fields WHERE entity_id = @id AND name = 'signup_day'", ("id", portal.Seed.CustomerEmails)));
    }

    [Fact]
    public async Task The_retention_plan_lists_the_partitions_that_would_expire_and_the_bytes_freed()
    {
        var owner = await portal.SessionAsync(Personas.Owner);

        var response = await owner.PostJsonAsync($"{Api}/retention/plan", new { mode = "keep_days", value = "30" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        // 40 daily partitions, today back to 39 days ago. A partition expires once it is wholly older than 30 days:
        // the one of 30 days ago ends 29 days ago and stays; those of 31 to 39 days ago go.
        var expiring = plan.GetProperty("expiring").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(9, expiring.Count);
        // Counted from the newest partition the seed wrote (today's), not from a clock the test reads.
        var newest = DateOnly.ParseExact(await portal.ScalarAsync<string>("SELECT max(partition_key) FROM partitions WHERE dataset_id = @id", ("id", portal.Seed.Customers)) ?? "", "yyyy-MM-dd");
        Assert.Equal(newest.AddDays(-31).ToString("yyyy-MM-dd"), expiring[0]);
        Assert.Equal(newest.AddDays(-39).ToString("yyyy-MM-dd"), expiring[^1]);
        Assert.Equal(9 * GovernanceSeed.PartitionBytes, plan.GetProperty("bytesFreed").GetInt64());
    }

    [Fact]
    public async Task A_namespace_default_set_by_an_admin_applies_to_its_endpoints_without_a_policy_of_their_own()
    {
        var admin = await portal.SessionAsync(Personas.Admin);
        var version = await portal.ScalarAsync<int?>("SELECT version FROM retention_policies WHERE scope = 'namespace' AND namespace = 'marketing' AND origin = 'portal'") ?? 0;

        var saved = await admin.PutJsonAsync("/api/governance/defaults/namespace/marketing/retention", new { mode = "keep_days", value = "180", version });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var effective = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/governance/entities/{portal.Seed.Campaigns}/retention");
        Assert.Equal("namespace default", effective.GetProperty("effective").GetProperty("origin").GetString());
        Assert.Equal(180, effective.GetProperty("effective").GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task A_classification_default_longer_than_its_own_cap_is_rejected()
    {
        var admin = await portal.SessionAsync(Personas.Admin);

        var response = await admin.PutJsonAsync("/api/governance/defaults/classification/confidential/retention", new { mode = "keep_days", value = "90", maxDays = 60, version = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The default (90 days) is longer than the cap (60 days).", await response.Content.ReadAsStringAsync());
    }
}
