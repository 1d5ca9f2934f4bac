using System.Security.Cryptography;
using System.Text;
using Catalog.Plugins.Avro.Schemas;

namespace Catalog.Plugins.Avro.Canonical;

/// <summary>
/// Fingerprints of the Parsing Canonical Form. SHA-256 is what the catalog stores (<c>sha256:…</c>, collision-safe);
/// CRC-64-AVRO (Rabin) is the 64-bit fingerprint Avro's single-object encoding uses, offered for interoperability.
/// </summary>
public static class SchemaFingerprint
{
    private const ulong Empty = 0xc15d213aa4d7a795UL;
    private static readonly ulong[] Table = BuildTable();

    public static string Sha256(AvroSchema schema) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AvroSchemaWriter.Canonical(schema))));

    public static ulong Rabin(string canonicalForm)
    {
        var fingerprint = Empty;
        foreach (var b in Encoding.UTF8.GetBytes(canonicalForm))
            fingerprint = (fingerprint >> 8) ^ Table[(int)(fingerprint ^ b) & 0xff];
        return fingerprint;
    }

    private static ulong[] BuildTable()
    {
        var table = new ulong[256];
        for (var i = 0; i < 256; i++)
        {
            var fp = (ulong)i;
            for (var j = 0; j < 8; j++) fp = (fp >> 1) ^ (Empty & (ulong)-(long)(fp & 1));
            table[i] = fp;
        }
        return table;
    }
}
