using System.Net;

namespace Catalog.Web.Tests.Governance;

/// <summary>
/// Every write form and endpoint × anonymous, viewer, owner of another team, owner, auditor, admin: allowed exactly
/// where it should be (and then it changes something), denied elsewhere (401/403 or a redirect to sign in, nothing
/// changes, and the denial is in the audit trail).
/// </summary>
[Collection(GovernanceCollection.Name)]
public sealed class AuthorizationMatrixTests(GovernanceWebFactory portal)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var operation in WriteOperations.All)
            foreach (var persona in Personas.All)
                data.Add(operation.Name, persona.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_write_is_allowed_exactly_for_its_roles_and_every_denial_is_audited(string operationName, string personaName)
    {
        var operation = WriteOperations.All.Single(o => o.Name == operationName);
        var persona = Personas.ByName(personaName);
        var session = await portal.SessionAsync(persona);
        var prepared = await operation.Prepare(portal, persona);
        var stateBefore = await StateAsync();
        var deniedBefore = await DeniedAsync(persona);

        var response = await operation.Act(session, portal, prepared);

        var body = await response.Content.ReadAsStringAsync();
        if (operation.AllowedFor.Contains(persona.Name))
        {
            Assert.True(response.IsSuccessStatusCode, $"{persona} should be allowed to {operation.Name}, got {(int)response.StatusCode}: {Excerpt(body)}");
            if (operation.IsForm) Assert.Contains("data-outcome=\"done\"", body);
            if (operation.ChangesState) Assert.NotEqual(stateBefore, await StateAsync());
        }
        else
        {
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect,
                $"{persona} should be refused {operation.Name}, got {(int)response.StatusCode}: {Excerpt(body)}");
            if (response.StatusCode == HttpStatusCode.Redirect)
                Assert.Matches("/account/(sign-in|denied)", response.Headers.Location?.ToString());
            Assert.Equal(stateBefore, await StateAsync());
            Assert.Equal(deniedBefore + 1, await DeniedAsync(persona));
        }
    }

    /// <summary>Denials of known users are audit rows; an anonymous caller's are counted per address and hour (issue 13).</summary>
    private async Task<long> DeniedAsync(Persona persona) => persona.UserName is null
        ? await portal.ScalarAsync<long>("SELECT coalesce(sum(attempts), 0)::bigint FROM denied_attempt_counts")
        : await portal.CountAuditAsync("access.denied", persona.Actor);

    private static string Excerpt(string body) => body.Length <= 600 ? body : body[..600];

    /// <summary>A fingerprint of everything a governance write can change.</summary>
    private Task<string?> StateAsync() => portal.ScalarAsync<string>("""
        SELECT md5(concat_ws('|',
          (SELECT string_agg(concat_ws(',', scope, entity_id, mode, value, justification, origin, version), ';' ORDER BY id) FROM retention_policies),
          (SELECT string_agg(concat_ws(',', entity_id, principal_ref, permission, origin), ';' ORDER BY id) FROM access_grants),
          (SELECT string_agg(concat_ws(',', entity_id, field_name, classification, version), ';' ORDER BY entity_id, field_name) FROM classification_overrides),
          (SELECT string_agg(concat_ws(',', id, classification, version), ';' ORDER BY id) FROM entities),
          (SELECT string_agg(concat_ws(',', entity_id, name, classification), ';' ORDER BY entity_id, name) FROM dataset_fields),
          (SELECT string_agg(concat_ws(',', id, status, version), ';' ORDER BY id) FROM access_requests),
          (SELECT string_agg(concat_ws(',', id, status), ';' ORDER BY id) FROM classification_suggestions),
          (SELECT string_agg(concat_ws(',', id, revoked_at), ';' ORDER BY id) FROM api_tokens)))
        """);
}
