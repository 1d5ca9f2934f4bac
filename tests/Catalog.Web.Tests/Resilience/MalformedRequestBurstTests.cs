using System.Net;
using System.Text;

namespace Catalog.Web.Tests.Resilience;

/// <summary>A burst of malformed, hostile and oversized requests: every one is answered with a 4xx, none with a 500, memory stays bounded.</summary>
public sealed class MalformedRequestBurstTests(OpenIngestWebFactory factory) : IClassFixture<OpenIngestWebFactory>
{
    private static readonly string[] BadEvents =
    [
        "", "{", "[]", "null", "42", "\"text\"", "{\"eventType\":", "{\"run\":{\"runId\":12}}",
        "{\"eventType\":\"COMPLETE\",\"eventTime\":\"yesterday\",\"run\":{\"runId\":\"not-a-uuid\"},\"job\":{}}",
        "{\"eventType\":\"COMPLETE\",\"eventTime\":\"2024-01-01T00:00:00Z\",\"producer\":\"x\",\"run\":{\"runId\":\"3f5e8a52-6a3b-4cf7-9a6e-0d6c2b7d1a01\"},\"job\":{\"namespace\":\"\",\"name\":\"\"}}",
        new string('[', 10_000) + new string(']', 10_000),
        "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 2_000)) + "1" + new string('}', 2_001),
        "\u0000\u0001\u0002binary\uFFFD",
    ];

    private static readonly string[] BadPaths =
    [
        "/api/entities", "/api/entities?ref=", "/api/entities?ref=%00%01", "/api/entities?ref=" + new string('a', 8_000),
        "/api/v1/lineage?nodeId=", "/api/v1/lineage?nodeId=dataset:x&depth=-5", "/api/v1/lineage?nodeId=dataset:x&depth=99999999999",
        "/api/v1/column-lineage?nodeId=%ZZ", "/search?q=" + Uri.EscapeDataString(new string('"', 3_000)), "/search?q=%00&page=-1",
        "/search?q=" + Uri.EscapeDataString("(((((a OR b) AND -c) NOT \" kind:dataset owner:") , "/api/search?q=&limit=-1",
        "/entity/dataset/%01/%7F", "/entity/" + new string('x', 3_000) + "/a/b", "/entity/dataset/a/b/no-such-tab",
        "/api/v1/lineage?nodeId=" + Uri.EscapeDataString("dataset:" + new string(':', 2_000)),
    ];

    [Fact]
    public async Task A_burst_of_malformed_and_oversized_requests_gets_no_500_and_does_not_grow_memory_without_bound()
    {
        var client = factory.CreateClient();
        await client.GetAsync("/"); // warm up: start-up allocations are not the burst's
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var oversized = new byte[9 * 1024 * 1024]; // above the 8 MiB default of Plugins:openlineage:MaxEventBytes
        Array.Fill(oversized, (byte)' ');

        var failures = new List<string>();
        for (var round = 0; round < 5; round++)
        {
            var requests = new List<Task<(string What, HttpResponseMessage Response)>>();
            foreach (var body in BadEvents)
                requests.Add(Send($"POST {Shorten(body)}", () => client.PostAsync("/api/v1/lineage", new StringContent(body, Encoding.UTF8, "application/json"))));
            requests.Add(Send("POST 9 MiB", () => client.PostAsync("/api/v1/lineage", new ByteArrayContent(oversized))));
            requests.Add(Send("POST form", () => client.PostAsync("/api/v1/lineage", new FormUrlEncodedContent([new("a", "b")]))));
            foreach (var path in BadPaths) requests.Add(Send($"GET {Shorten(path)}", () => client.GetAsync(path)));
            foreach (var (what, response) in await Task.WhenAll(requests))
                if ((int)response.StatusCode >= 500) failures.Add($"{what}: {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(after - before < 64 * 1024 * 1024, $"managed memory grew by {(after - before) / 1024 / 1024} MiB over the burst");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_oversized_event_is_refused_with_413_problem_details_naming_the_limit()
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/lineage", new ByteArrayContent(new byte[9 * 1024 * 1024]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("MaxEventBytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<(string, HttpResponseMessage)> Send(string what, Func<Task<HttpResponseMessage>> send) => (what, await send());

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
