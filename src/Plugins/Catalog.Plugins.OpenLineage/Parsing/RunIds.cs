using System.Security.Cryptography;
using System.Text;

namespace Catalog.Plugins.OpenLineage.Parsing;

/// <summary>
/// OpenLineage runIds should be UUIDs; Marquez accepts any string and maps a non-UUID one to
/// <c>UUID.nameUUIDFromBytes(runId.getBytes())</c> (an MD5, version-3 UUID of the UTF-8 bytes). We do the same,
/// so a producer that sends <c>"run_id"</c> gets the very run id Marquez would give it, and its START and COMPLETE meet.
/// </summary>
public static class RunIds
{
    public static Guid FromOpenLineage(string runId)
    {
        if (Guid.TryParse(runId, out var uuid)) return uuid;
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(runId));
        hash[6] = (byte)((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte)((hash[8] & 0x3f) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}
