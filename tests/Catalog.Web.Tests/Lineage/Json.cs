using System.Net.Http.Json;
using System.Text.Json;

namespace Catalog.Web.Tests.Lineage;

/// <summary>Reads Marquez-shaped graphs from responses.</summary>
internal static class Json
{
    public static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static IReadOnlyDictionary<string, JsonElement> Nodes(JsonElement body) =>
        body.GetProperty("graph").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);

    public static IEnumerable<string> Edges(JsonElement node, string property) =>
        node.GetProperty(property).EnumerateArray().Select(e => $"{e.GetProperty("origin").GetString()}>{e.GetProperty("destination").GetString()}");

    public static string Url(string path, params (string Name, object Value)[] query) =>
        path + "?" + string.Join("&", query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value.ToString()!)}"));
}
