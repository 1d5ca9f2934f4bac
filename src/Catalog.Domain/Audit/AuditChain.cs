using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Catalog.Domain.Audit;

/// <summary>
/// The audit trail's hash chain: <c>hash = sha256(prev_hash || canonical JSON of the event)</c>. Changing, removing
/// or reordering any event changes its hash and breaks every link after it. The canonical form fixes key order,
/// whitespace and timestamp precision (microseconds, as PostgreSQL stores them) so writer and verifier agree.
/// </summary>
public static class AuditChain
{
    public static byte[] ComputeHash(ReadOnlySpan<byte> previousHash, AuditEvent auditEvent)
    {
        var canonical = Encoding.UTF8.GetBytes(CanonicalJson(auditEvent));
        var buffer = new byte[previousHash.Length + canonical.Length];
        previousHash.CopyTo(buffer);
        canonical.CopyTo(buffer.AsSpan(previousHash.Length));
        return SHA256.HashData(buffer);
    }

    public static string CanonicalJson(AuditEvent e)
    {
        var node = new JsonObject
        {
            ["action"] = e.Action,
            ["actor"] = e.Actor,
            ["after"] = CanonicalNode(e.After),
            ["before"] = CanonicalNode(e.Before),
            ["occurred_at"] = Timestamp(e.OccurredAt),
            ["reason"] = e.Reason,
            ["sequence"] = e.Sequence,
            ["succeeded"] = e.Succeeded,
            ["target"] = e.Target,
        };
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>PostgreSQL keeps microseconds: round to them so the hash survives the round trip.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % 10, TimeSpan.Zero);

    private static string Timestamp(DateTimeOffset value) =>
        Truncate(value).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static JsonNode? CanonicalNode(string? json)
    {
        if (json is null) return null;
        return Sort(JsonNode.Parse(json));
    }

    // Object keys sorted ordinally at every level; arrays keep their order (it is meaningful).
    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sort).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
