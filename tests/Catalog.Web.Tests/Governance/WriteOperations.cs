using System.Net.Http.Json;

namespace Catalog.Web.Tests.Governance;

/// <summary>
/// One governance write, as a browser form or an API call. <see cref="Prepare"/> sets up what the write needs
/// (a pending request, the current version) and returns it; <see cref="Act"/> performs the write as a persona.
/// </summary>
public sealed record WriteOperation(
    string Name, string[] AllowedFor, bool IsForm, bool ChangesState,
    Func<GovernanceWebFactory, Persona, Task<Dictionary<string, string>>> Prepare,
    Func<PortalSession, GovernanceWebFactory, Dictionary<string, string>, Task<HttpResponseMessage>> Act)
{
    public override string ToString() => Name;
}

public static class WriteOperations
{
    private static readonly string[] Owners = [Personas.Owner.Name, Personas.Admin.Name];
    private static readonly string[] Admins = [Personas.Admin.Name];
    private static readonly string[] Auditors = [Personas.Auditor.Name, Personas.Admin.Name];
    private static readonly string[] SignedIn = [Personas.Viewer.Name, Personas.OtherOwner.Name, Personas.Owner.Name, Personas.Auditor.Name, Personas.Admin.Name];

    private static string Policies(GovernanceWebFactory p) => $"/governance/policies/{p.Seed.Customers}";
    private static string Api(GovernanceWebFactory p) => $"/api/governance/entities/{p.Seed.Customers}";

    private static Task<Dictionary<string, string>> Nothing(GovernanceWebFactory p, Persona _) => Task.FromResult(new Dictionary<string, string>());

    private static async Task<Dictionary<string, string>> RetentionVersion(GovernanceWebFactory p, Persona _) => new()
    {
        ["version"] = ((await p.ScalarAsync<int?>("SELECT version FROM retention_policies WHERE scope = 'entity' AND entity_id = @id AND origin = 'portal'", ("id", p.Seed.Customers))) ?? 0).ToString(),
    };

    private static async Task<Dictionary<string, string>> PortalRetention(GovernanceWebFactory p, Persona _) => new()
    {
        ["version"] = (await p.ScalarAsync<int>("""
            INSERT INTO retention_policies (scope, entity_id, mode, value, origin, updated_by) VALUES ('entity', @id, 'keep_days', 20, 'portal', 'test')
            ON CONFLICT (entity_id, origin) WHERE scope = 'entity' DO UPDATE SET value = 20 RETURNING version
            """, ("id", p.Seed.Customers))).ToString(),
    };

    private static async Task<Dictionary<string, string>> NamespaceDefaultVersion(GovernanceWebFactory p, Persona _) => new()
    {
        ["version"] = ((await p.ScalarAsync<int?>("SELECT version FROM retention_policies WHERE scope = 'namespace' AND namespace = 'marketing' AND origin = 'portal'")) ?? 0).ToString(),
    };

    private static async Task<Dictionary<string, string>> NoMarketingGrant(GovernanceWebFactory p, Persona _)
    {
        await p.ExecuteAsync("DELETE FROM access_grants WHERE entity_id = @id AND principal_ref = 'group:default:marketing'", ("id", p.Seed.Customers));
        return [];
    }

    private static async Task<Dictionary<string, string>> SomeGrant(GovernanceWebFactory p, Persona _) => new()
    {
        ["grant"] = (await p.ScalarAsync<long>("""
            INSERT INTO access_grants (entity_id, principal_ref, permission, origin, granted_by) VALUES (@id, 'user:default:victor', 'read', 'portal', 'test')
            ON CONFLICT (entity_id, principal_ref, permission, origin) DO UPDATE SET granted_by = 'test' RETURNING id
            """, ("id", p.Seed.Customers))).ToString(),
    };

    private static async Task<Dictionary<string, string>> EntityVersion(GovernanceWebFactory p, Persona _) => new()
    {
        ["version"] = (await p.ScalarAsync<int>("SELECT version FROM entities WHERE id = @id", ("id", p.Seed.Customers))).ToString(),
    };

    private static async Task<Dictionary<string, string>> PendingSuggestion(GovernanceWebFactory p, Persona _)
    {
        await p.ExecuteAsync("DELETE FROM classification_suggestions WHERE dataset_id = @id", ("id", p.Seed.CustomerEmails));
        return new() { ["version"] = (await p.ScalarAsync<int>("SELECT version FROM entities WHERE id = @id", ("id", p.Seed.CustomerEmails))).ToString() };
    }

    private static async Task<Dictionary<string, string>> PendingRequest(GovernanceWebFactory p, Persona _)
    {
        await p.ExecuteAsync("DELETE FROM access_requests WHERE requester_ref = 'user:default:victor' AND status = 'pending'");
        return new()
        {
            ["request"] = (await p.ScalarAsync<long>("""
                INSERT INTO access_requests (entity_id, requester_ref, permission, reason) VALUES (@id, 'user:default:victor', 'read', 'weekly report') RETURNING id
                """, ("id", p.Seed.Customers))).ToString(),
        };
    }

    private static async Task<Dictionary<string, string>> NoPendingRequestOf(GovernanceWebFactory p, Persona persona)
    {
        await p.ExecuteAsync("DELETE FROM access_requests WHERE requester_ref = @me AND status = 'pending'", ("me", persona.Actor));
        return [];
    }

    public static IReadOnlyList<WriteOperation> All { get; } =
    [
        new("save retention (form)", Owners, true, true, RetentionVersion, (s, p, x) => s.PostFormAsync(Policies(p), "gov-retention", new()
            { ["RetentionInput.Mode"] = "keep_days", ["RetentionInput.Value"] = "30", ["RetentionInput.Version"] = x["version"], ["RetentionInput.Intent"] = "save" })),
        new("preview retention plan (form)", Owners, true, false, RetentionVersion, (s, p, x) => s.PostFormAsync(Policies(p), "gov-retention", new()
            { ["RetentionInput.Mode"] = "keep_days", ["RetentionInput.Value"] = "7", ["RetentionInput.Version"] = x["version"], ["RetentionInput.Intent"] = "preview" })),
        new("reset retention (form)", Owners, true, true, PortalRetention, (s, p, x) => s.PostFormAsync(Policies(p), "gov-reset", new() { ["Reset.Version"] = x["version"] })),
        new("add grant (form)", Owners, true, true, NoMarketingGrant, (s, p, x) => s.PostFormAsync(Policies(p), "gov-grant", new()
            { ["Grant.Principal"] = "group:default:marketing", ["Grant.Permission"] = "read", ["Grant.Reason"] = "campaign targeting" })),
        new("remove grant (form)", Owners, true, true, SomeGrant, (s, p, x) => s.PostFormAsync(Policies(p), "gov-grant-remove", new() { ["GrantRemove.GrantId"] = x["grant"] })),
        new("classify column (form)", Owners, true, true, EntityVersion, (s, p, x) => s.PostFormAsync(Policies(p), "gov-classify", new()
            { ["Classify.Field"] = "city", ["Classify.Classification"] = "confidential", ["Classify.Version"] = x["version"] })),
        new("reject suggestion (form)", Owners, true, true, PendingSuggestion, (s, p, x) => s.PostFormAsync($"/governance/policies/{p.Seed.CustomerEmails}", "gov-suggestion", new()
            { ["Suggestion.Decision"] = "reject|customer_email|pii", ["Suggestion.Version"] = x["version"] })),
        new("decide access request (form)", Owners, true, true, PendingRequest, (s, p, x) => s.PostFormAsync("/access-requests", "decide-request", new()
            { ["Decision.Choice"] = $"deny|{x["request"]}|1", ["Decision.Reason"] = "use the aggregate" })),
        new("create token (form)", SignedIn, true, true, Nothing, (s, p, x) => s.PostFormAsync("/account/tokens", "create-token", new()
            { ["Create.Name"] = "matrix", ["Create.Scopes"] = "read", ["Create.LifetimeDays"] = "1" })),
        new("verify audit chain (form)", Auditors, false, false, Nothing, (s, p, x) => s.PostFormAsync("/audit/verify", "verify-audit", new() { ["Verify.Go"] = "true" })),

        new("save retention (API)", Owners, false, true, RetentionVersion, (s, p, x) => s.PutJsonAsync($"{Api(p)}/retention", new { mode = "keep_days", value = "30", version = int.Parse(x["version"]) })),
        new("preview retention plan (API)", Owners, false, false, Nothing, (s, p, x) => s.PostJsonAsync($"{Api(p)}/retention/plan", new { mode = "keep_days", value = "7" })),
        new("reset retention (API)", Owners, false, true, PortalRetention, (s, p, x) => s.Client.DeleteAsync($"{Api(p)}/retention?version={x["version"]}")),
        new("set namespace default (API)", Admins, false, true, NamespaceDefaultVersion, (s, p, x) => s.PutJsonAsync("/api/governance/defaults/namespace/marketing/retention",
            new { mode = "keep_days", value = "400", version = int.Parse(x["version"]) })),
        new("add grant (API)", Owners, false, true, NoMarketingGrant, (s, p, x) => s.PostJsonAsync($"{Api(p)}/grants", new { principal = "group:default:marketing", permission = "read", reason = "campaign targeting" })),
        new("remove grant (API)", Owners, false, true, SomeGrant, (s, p, x) => s.Client.DeleteAsync($"{Api(p)}/grants/{x["grant"]}")),
        new("classify column (API)", Owners, false, true, EntityVersion, (s, p, x) => s.PutJsonAsync($"{Api(p)}/classification", new { field = "city", classification = "confidential", version = int.Parse(x["version"]) })),
        new("reject suggestion (API)", Owners, false, true, PendingSuggestion, (s, p, x) => s.PostJsonAsync($"/api/governance/entities/{p.Seed.CustomerEmails}/suggestions/decision",
            new { field = "customer_email", suggested = "pii", accept = false, version = int.Parse(x["version"]) })),
        new("decide access request (API)", Owners, false, true, PendingRequest, (s, p, x) => s.PostJsonAsync($"/api/governance/access-requests/{x["request"]}/decision", new { approve = false, version = 1 })),
        new("request access (API)", SignedIn, false, true, NoPendingRequestOf, (s, p, x) => s.PostJsonAsync($"{Api(p)}/access-requests", new { permission = "read", reason = "quarterly churn analysis" })),
        new("create token (API)", SignedIn, false, true, Nothing, (s, p, x) => s.PostJsonAsync("/api/governance/tokens", new { name = "matrix", scopes = new[] { "read" }, lifetimeDays = 1 })),
        new("read audit trail (API)", Auditors, false, false, Nothing, (s, p, x) => s.Client.GetAsync("/api/governance/audit?limit=5")),
        new("read access review (API)", Auditors, false, false, Nothing, (s, p, x) => s.Client.GetAsync("/api/governance/access-review")),
    ];
}
