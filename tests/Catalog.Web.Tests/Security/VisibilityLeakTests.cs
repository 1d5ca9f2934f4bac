using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Catalog.Plugins.Hosting;
using Catalog.Web.Tests.Governance;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Catalog.Web.Tests.Security;

/// <summary>
/// The leak test: every route the app maps (<see cref="RouteSweep"/>), filled with the sample catalog's entities,
/// sent as an outsider — anonymous, and signed in with no team and no grant. No response body or header may name a
/// restricted entity (its ref, name or id), and a request about a restricted entity must be answered exactly like the
/// same request about one that does not exist (same status, same body, same redirect). The insider (an admin) sends
/// the same requests and must see every restricted entity somewhere it did not ask for it, so the sweep reaches the
/// places a leak would show.
/// </summary>
public sealed class VisibilityLeakTests(SampleCatalogPortal portal, ITestOutputHelper output) : IClassFixture<SampleCatalogPortal>
{
    private const int Parallelism = 4;
    private const int ReportLimit = 60;

    [Fact]
    public async Task No_route_reveals_a_restricted_entity_to_an_outsider()
    {
        await SeedAccessRowsAsync();
        var facts = await CatalogFacts.ReadAsync(portal.Database);
        Assert.True(facts.Restricted.Count >= 5, $"the sample catalog should have restricted datasets, found {facts.Restricted.Count}");
        var sweep = new RouteSweep(portal.Services.GetRequiredService<EndpointDataSource>(),
            portal.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>(), portal.Services.GetRequiredService<PluginRegistry>(), facts);
        var requests = sweep.Requests();
        Assert.True(sweep.Undrivable.Count == 0, string.Join('\n', sweep.Undrivable));
        foreach (var route in requests.GroupBy(r => r.Pattern).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"{route.Count(),5}  {route.Key}");
        foreach (var (route, reason) in RouteSweep.NotDriven) output.WriteLine($"    -  {route}: {reason}");
        var gets = requests.Where(r => r.Method == "GET").ToList();
        var writes = requests.Where(r => r.Method != "GET").ToList();
        Assert.NotEmpty(writes);

        var insider = await SendAllAsync(await portal.ClientAsync(SampleCatalogPortal.Insider), gets);
        var unseen = facts.Restricted.Where(e => !insider.Any(x => !x.Request.Carries.Contains(e) && NamePattern(e.Name).IsMatch(x.Text))).ToList();
        Assert.True(unseen.Count == 0, $"the insider should find every restricted entity on some page that does not ask for it; not found: {string.Join(", ", unseen)}");

        var problems = new List<string>();
        foreach (var outsider in new[] { Personas.Anonymous, SampleCatalogPortal.Outsider })
        {
            var client = await portal.ClientAsync(outsider);
            // Pages first, then the writes (which may leave rows behind), then the pages without parameters again
            // (lists of the outsider's own requests, audit rows...).
            var again = gets.Where(r => r.Values.Count == 0 && !r.Url.Contains('?')).ToList();
            foreach (var batch in new[] { gets, writes, again })
                foreach (var response in await SendAllAsync(client, batch))
                    problems.AddRange(Check(outsider, response, facts));
        }
        Assert.True(problems.Count == 0, $"{problems.Count} leaks in {requests.Count} requests per outsider:\n" + string.Join('\n', problems.Take(ReportLimit)));
    }

    [Fact]
    public async Task Asking_for_access_to_a_hidden_dataset_answers_like_asking_for_one_that_does_not_exist()
    {
        var facts = await CatalogFacts.ReadAsync(portal.Database);
        var hidden = facts.Restricted.First(e => e.Name == "tunewave-prod.users.accounts");
        var client = await portal.ClientAsync(SampleCatalogPortal.Outsider);
        async Task<(HttpStatusCode Status, string Body)> AskAsync(long id)
        {
            using var response = await client.PostAsync($"/api/governance/entities/{id}/access-requests",
                new StringContent("""{"permission":"read","reason":"month-end report"}""", Encoding.UTF8, "application/json"));
            return (response.StatusCode, Normalize(await response.Content.ReadAsStringAsync()));
        }

        var requestsBefore = await portal.ScalarAsync<long>("SELECT count(*) FROM access_requests");
        var (status, body) = await AskAsync(hidden.Id);
        var (absentStatus, absentBody) = await AskAsync(hidden.TwinId);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(absentStatus, status);
        Assert.Equal(absentBody.Replace(hidden.TwinId.ToString(), hidden.Id.ToString()), body);
        Assert.DoesNotContain(hidden.Name, body);
        Assert.DoesNotContain("growth-analytics", body);
        Assert.Equal(requestsBefore, await portal.ScalarAsync<long>("SELECT count(*) FROM access_requests"));
    }

    /// <summary>
    /// An access request and a portal grant on a restricted dataset, so the routes that take their ids have real ones;
    /// and victor's own request on another, made while a grant he no longer holds lasted (his list must not name it).
    /// </summary>
    private async Task SeedAccessRowsAsync()
    {
        await using var command = portal.Database.CreateCommand("""
            WITH target AS (SELECT id FROM entities WHERE visibility = 'restricted' ORDER BY id LIMIT 1),
                 other AS (SELECT id FROM entities WHERE visibility = 'restricted' ORDER BY id DESC LIMIT 1),
                 request AS (INSERT INTO access_requests (entity_id, requester_ref, permission, reason)
                             SELECT id, 'user:default:amara.okafor', 'write', 'quarter close' FROM target ON CONFLICT DO NOTHING RETURNING id),
                 own AS (INSERT INTO access_requests (entity_id, requester_ref, permission, reason)
                         SELECT id, 'user:default:victor', 'write', 'asked while a grant lasted' FROM other ON CONFLICT DO NOTHING RETURNING id)
            INSERT INTO access_grants (entity_id, principal_ref, permission, origin, granted_by, reason)
            SELECT id, 'user:default:amara.okafor', 'write', 'portal', 'user:default:root', 'leak test' FROM target ON CONFLICT DO NOTHING
            """);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record Sent(ProbeRequest Request, HttpStatusCode Status, string Body, string Headers, string? Location, Sent? Twin)
    {
        public string Text => Body + "\n" + Headers;
        public bool IsSuccess => (int)Status is >= 200 and < 300;
    }

    private static async Task<List<Sent>> SendAllAsync(HttpClient client, IReadOnlyList<ProbeRequest> requests)
    {
        var results = new ConcurrentBag<Sent>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (request, ct) =>
        {
            var sent = await SendAsync(client, request, ct);
            if (request.Twin() is { } twin) sent = sent with { Twin = await SendAsync(client, twin, ct) };
            results.Add(sent);
        });
        return [.. results];
    }

    private static async Task<Sent> SendAsync(HttpClient client, ProbeRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.JsonBody is not null) message.Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var headers = string.Join('\n', response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
        return new Sent(request, response.StatusCode, body, headers, response.Headers.Location?.ToString(), null);
    }

    private static IEnumerable<string> Check(Persona outsider, Sent sent, CatalogFacts facts)
    {
        var carried = sent.Request.Carries.ToHashSet();
        foreach (var entity in facts.Restricted.Where(e => !carried.Contains(e)))
        {
            if (Find(sent.Text, entity) is { } excerpt)
                yield return $"[{outsider}] {sent.Request} → {(int)sent.Status} names {entity}: …{excerpt}…";
        }
        if (sent.Twin is not { } twin) yield break;
        string Back(string text) => sent.Request.Twins.Aggregate(text, (s, t) => t.FromTwin(s));
        if (twin.Status != sent.Status)
            yield return $"[{outsider}] {sent.Request} → {(int)sent.Status}, but {(int)twin.Status} for an entity that does not exist";
        else if (Back(twin.Location ?? "") != (sent.Location ?? ""))
            yield return $"[{outsider}] {sent.Request} → redirects to {sent.Location}, but to {twin.Location} for an entity that does not exist";
        else if (!sent.IsSuccess && Normalize(Back(twin.Body)) is var absent && Normalize(sent.Body) is var hidden && absent != hidden)
            yield return $"[{outsider}] {sent.Request} → {(int)sent.Status} errs differently from an entity that does not exist: {Difference(hidden, absent)}";
        else
            foreach (var entity in carried)
            {
                // A page may echo what was asked (a search box, a return URL) but must not say more about a hidden
                // entity than about one that does not exist: as many mentions of it as of its absent twin.
                var (mentions, twinMentions) = (Mentions(sent.Text, entity.Name, entity.Id), Mentions(twin.Text, entity.TwinName, entity.TwinId));
                if (mentions != twinMentions)
                    yield return $"[{outsider}] {sent.Request} → {(int)sent.Status} mentions {entity} {mentions} times, an entity that does not exist {twinMentions} times: …{Find(sent.Text, entity)}…";
            }
    }

    /// <summary>Mentions of an entity, leaving out the query being echoed in links (a search page's facet links repeat its query).</summary>
    private static int Mentions(string text, string name, long id)
    {
        var withoutEchoes = Regex.Replace(text, $@"=(?:{Regex.Escape(name)}|{id})(?=[&""'#\s<]|$)", "=");
        return NamePattern(name).Matches(withoutEchoes).Count + Regex.Matches(withoutEchoes, $@"(?<!\d){id}(?!\d)").Count;
    }

    private static string? Find(string text, RestrictedEntity entity)
    {
        var index = text.IndexOf(entity.Ref, StringComparison.Ordinal);
        if (index < 0 && NamePattern(entity.Name).Match(text) is { Success: true } name) index = name.Index;
        if (index < 0 && Regex.Match(text, $@"(?<!\d){entity.Id}(?!\d)") is { Success: true } id) index = id.Index;
        return index < 0 ? null : text.Substring(Math.Max(0, index - 120), Math.Min(240, text.Length - Math.Max(0, index - 120))).ReplaceLineEndings(" ");
    }

    private static Regex NamePattern(string name) => new($@"(?<![\w.\-]){Regex.Escape(name)}(?![\w\-])");

    /// <summary>What differs between two answers for reasons other than the entity: antiforgery tokens, trace ids.</summary>
    private static string Normalize(string body) =>
        Regex.Replace(Regex.Replace(body, @"CfDJ8[\w\-]+", "<token>"), @"""traceId""\s*:\s*""[^""]*""", "\"traceId\":\"\"");

    private static string Difference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        string Around(string s) => s.Substring(Math.Max(0, i - 80), Math.Min(200, s.Length - Math.Max(0, i - 80))).ReplaceLineEndings(" ");
        return $"hidden: …{Around(a)}… / absent: …{Around(b)}…";
    }
}
