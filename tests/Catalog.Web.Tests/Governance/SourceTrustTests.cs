using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Catalog.Domain.Entities;
using Catalog.Harvesting;
using Catalog.Plugins.Ui;
using Catalog.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Web.Tests.Governance;

/// <summary>
/// Issue 13, hole 2: a signed-in user with no team took ownership of a restricted PII dataset by minting an ingest
/// token and pushing an OpenLineage ownership facet. Each test describes its own dataset with a descriptor (the
/// owners' repository), so tests do not share state.
/// </summary>
[Collection(GovernanceCollection.Name)]
public sealed class SourceTrustTests(GovernanceWebFactory portal)
{
    private const string OwnersDescription = "Customer identities; the owners' word.";

    [Fact]
    public async Task A_user_without_a_team_cannot_take_ownership_of_a_restricted_pii_dataset_through_openlineage()
    {
        var (dataset, id, _) = await DescribeAsync(GovernanceSeed.OrdersTeam);
        var attacker = await portal.SessionAsync(Personas.Viewer);

        // Step 1 of the attack: victor (no team, no role) mints an ingest token. Refused, with the reason.
        var mint = await attacker.PostJsonAsync("/api/governance/tokens", new { name = "my producer", scopes = new[] { "ingest" }, lifetimeDays = 1, namespaces = new[] { "*" } });
        Assert.Equal(HttpStatusCode.Forbidden, mint.StatusCode);
        Assert.Contains("Only admins and service accounts can create ingest tokens", await mint.Content.ReadAsStringAsync());

        // Step 2: the same event pushed by a real producer's token (a service account for every namespace) changes no
        // governance fact and no description or schema the descriptor gave.
        using var producer = await portal.CreateIngestClientAsync("trust-producer");
        var push = await producer.PostAsync("/api/v1/lineage", Event(dataset, ownerName: "victor", description: "pwned", fields: ["hacked"]));
        Assert.Equal(HttpStatusCode.Created, push.StatusCode);

        Assert.Equal(GovernanceSeed.OrdersTeam, await portal.ScalarAsync<string>("SELECT owner_ref FROM entities WHERE id = @id", ("id", id)));
        Assert.Equal(0L, await portal.ScalarAsync<long>(
            "SELECT count(*) FROM entity_relations r JOIN entities t ON t.id = r.to_id WHERE r.from_id = @id AND r.relation = 'ownedBy' AND t.ref = 'user:default:victor'", ("id", id)));
        Assert.Equal(OwnersDescription, await portal.ScalarAsync<string>("SELECT description FROM entities WHERE id = @id", ("id", id)));
        Assert.Equal("id,email", await portal.ScalarAsync<string>("SELECT string_agg(name, ',' ORDER BY ordinal) FROM dataset_fields WHERE entity_id = @id", ("id", id)));

        // No rights gained: victor still cannot see the dataset, and cannot set its retention to a day.
        Assert.Equal(HttpStatusCode.NotFound, (await attacker.Client.GetAsync($"/api/governance/entities/{id}/retention")).StatusCode);
        var retention = await attacker.PutJsonAsync($"/api/governance/entities/{id}/retention", new { mode = "keep_days", value = "1", version = 0, reason = "mine now" });
        Assert.Contains(retention.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Equal(0L, await portal.ScalarAsync<long>("SELECT count(*) FROM retention_policies WHERE entity_id = @id AND origin = 'portal'", ("id", id)));

        // The claim is kept and shown to the owners as claimed by the producer, never applied.
        var owner = await portal.SessionAsync(Personas.Owner);
        var page = await owner.GetDocumentAsync(EntityLinks.Href(EntityRef.Parse(dataset)));
        var claimed = page.QuerySelector("[data-testid=claimed-by-producer]");
        Assert.NotNull(claimed);
        Assert.Contains("Claimed by the producer", claimed!.TextContent);
        Assert.Contains("user:default:victor", claimed.TextContent);
        Assert.Contains("openlineage-push", claimed.TextContent);
    }

    [Fact]
    public async Task Only_admins_and_service_accounts_mint_ingest_tokens_and_each_names_its_namespaces()
    {
        var owner = await portal.SessionAsync(Personas.Owner);
        var admin = await portal.SessionAsync(Personas.Admin);

        var byOwner = await owner.PostJsonAsync("/api/governance/tokens", new { name = "owner ingest", scopes = new[] { "read", "ingest" }, lifetimeDays = 1, namespaces = new[] { "food_delivery" } });
        var unbound = await admin.PostJsonAsync("/api/governance/tokens", new { name = "admin ingest", scopes = new[] { "ingest" }, lifetimeDays = 1 });
        var bound = await admin.PostJsonAsync("/api/governance/tokens", new { name = "admin ingest", scopes = new[] { "ingest" }, lifetimeDays = 1, namespaces = new[] { "food_delivery" } });
        var read = await owner.PostJsonAsync("/api/governance/tokens", new { name = "owner read", scopes = new[] { "read" }, lifetimeDays = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unbound.StatusCode);
        Assert.Contains("namespaces", await unbound.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, bound.StatusCode);
        Assert.Equal(["food_delivery"], (await bound.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("namespaces").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task A_token_bound_to_a_namespace_cannot_write_another_and_the_rest_of_the_event_lands()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var allowed = $"dataset:trust_ok_{suffix}:orders";
        var other = $"dataset:trust_other_{suffix}:orders";
        using var producer = await portal.CreateIngestClientAsync($"bound-producer-{suffix}", [$"trust_ok_{suffix}"]);

        var push = await producer.PostAsync("/api/v1/lineage", Event(allowed, extraOutput: other, jobNamespace: $"trust_ok_{suffix}"));

        Assert.True(push.StatusCode == HttpStatusCode.Created, await push.Content.ReadAsStringAsync());
        var warnings = (await push.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.Contains(other, StringComparison.Ordinal) && w.Contains($"may write only the namespaces trust_ok_{suffix}", StringComparison.Ordinal));
        Assert.Equal(1L, await portal.ScalarAsync<long>("SELECT count(*) FROM entities WHERE ref = @r", ("r", allowed)));
        Assert.Equal(0L, await portal.ScalarAsync<long>("SELECT count(*) FROM entities WHERE ref = @r", ("r", other)));
    }

    [Fact]
    public async Task A_descriptor_harvest_that_changes_an_owner_is_audited_with_its_source()
    {
        var (dataset, _, file) = await DescribeAsync(GovernanceSeed.OrdersTeam);

        await DescribeAsync(GovernanceSeed.Marketing, dataset, file);

        var events = await portal.ScalarAsync<long>("""
            SELECT count(*) FROM audit_events WHERE action = 'harvest.owner-changed' AND target = @target AND actor = 'harvester:descriptors'
              AND before #>> '{}' = @before AND after->>'value' = @after AND after->>'source' = 'descriptors' AND after->>'input' = @file
            """, ("target", dataset), ("before", GovernanceSeed.OrdersTeam), ("after", GovernanceSeed.Marketing), ("file", file));
        Assert.Equal(1L, events);
        var verify = await (await portal.SessionAsync(Personas.Admin)).Client.GetFromJsonAsync<JsonElement>("/api/governance/audit/verify");
        Assert.True(verify.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task An_owner_change_by_a_push_trusted_in_its_namespace_is_audited_with_the_token()
    {
        var dataset = $"dataset:{GovernanceWebFactory.TrustedPushNamespace}:orders_{Guid.NewGuid():N}"[..60];
        var account = $"audited-producer-{Guid.NewGuid():N}"[..30];
        using var producer = await portal.CreateIngestClientAsync(account, [GovernanceWebFactory.TrustedPushNamespace]);
        Assert.Equal(HttpStatusCode.Created, (await producer.PostAsync("/api/v1/lineage", Event(dataset, ownerName: "group:alpha"))).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await producer.PostAsync("/api/v1/lineage", Event(dataset, ownerName: "group:beta"))).StatusCode);

        Assert.Equal("group:default:beta", await portal.ScalarAsync<string>("SELECT owner_ref FROM entities WHERE ref = @r", ("r", dataset)));
        var tokenId = await portal.ScalarAsync<long>("SELECT t.id FROM api_tokens t JOIN identity_users u ON u.id = t.user_id WHERE u.user_name = @u", ("u", account));
        Assert.Equal(1L, await portal.ScalarAsync<long>("""
            SELECT count(*) FROM audit_events WHERE action = 'harvest.owner-changed' AND target = @target AND actor = @actor
              AND before #>> '{}' = 'group:default:alpha' AND after->>'value' = 'group:default:beta'
              AND after->>'source' = 'openlineage-push' AND (after->>'tokenId')::bigint = @token
            """, ("target", dataset), ("actor", $"token:{tokenId} (user:default:{account})"), ("token", tokenId)));
    }

    /// <summary>Harvests a descriptor of a restricted PII dataset (retention 400 days) owned by <paramref name="owner"/>.</summary>
    private async Task<(string Ref, long Id, string File)> DescribeAsync(string owner, string? existing = null, string? file = null)
    {
        var name = existing is null ? $"people_{Guid.NewGuid():N}"[..20] : EntityRef.Parse(existing).Name;
        file ??= Path.Combine(Directory.CreateTempSubdirectory("trust-").FullName, "people.yaml");
        await File.WriteAllTextAsync(file, $"""
            apiVersion: catalog.dev/v1
            kind: Dataset
            metadata:
              namespace: trust_pii
              name: {name}
              description: "{OwnersDescription}"
            spec:
              platform: postgres
              owner: {owner.Replace("group:default:", "group:", StringComparison.Ordinal)}
              classification: pii
              visibility: restricted
              retention:
                keepDays: 400
              schema:
                fields:
                  - {"{"} name: id, type: bigint {"}"}
                  - {"{"} name: email, type: text, pii: true {"}"}
            """);
        var runner = portal.Services.GetRequiredService<HarvestRunner>();
        var summary = await runner.RunAsync("descriptors", Path.GetDirectoryName(file)!, force: true);
        Assert.True(summary.Status == HarvestRunStatus.Succeeded, string.Join("; ", summary.Errors.Select(e => e.ToString())));
        var reference = $"dataset:trust_pii:{name}";
        return (reference, await portal.ScalarAsync<long>("SELECT id FROM entities WHERE ref = @r", ("r", reference)), file);
    }

    private static ByteArrayContent Event(string dataset, string? ownerName = null, string? description = null, string[]? fields = null,
        string? extraOutput = null, string jobNamespace = "trust_jobs")
    {
        object Output(string reference)
        {
            var r = EntityRef.Parse(reference);
            var facets = new Dictionary<string, object>();
            if (ownerName is not null) facets["ownership"] = new { owners = new[] { new { name = ownerName } } };
            if (description is not null) facets["documentation"] = new { description };
            if (fields is not null) facets["schema"] = new { fields = fields.Select(f => new { name = f, type = "string" }) };
            return new { @namespace = r.Namespace, name = r.Name, facets };
        }
        var outputs = extraOutput is null ? new[] { Output(dataset) } : [Output(dataset), Output(extraOutput)];
        var body = new
        {
            eventType = "COMPLETE",
            eventTime = "2026-12-01T10:00:00Z",
            producer = "https://example.com/attacker",
            schemaURL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent",
            run = new { runId = Guid.NewGuid().ToString() },
            job = new { @namespace = jobNamespace, name = $"job_{Guid.NewGuid():N}" },
            inputs = Array.Empty<object>(),
            outputs,
        };
        return new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body)) { Headers = { ContentType = new("application/json") } };
    }
}
