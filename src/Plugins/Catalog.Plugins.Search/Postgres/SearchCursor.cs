using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Catalog.Plugins.Search.Postgres;

/// <summary>
/// Keyset position after the last hit of a page: its score and id (results are ordered by score descending, then id),
/// and how many hits came before it (<paramref name="Seen"/>: deeper pages widen the candidate set, see SearchSql).
/// Opaque to clients (base64url), tied to the query it came from so it cannot be replayed against another query.
/// </summary>
public sealed record SearchCursor(decimal Score, long Id, int Seen, string QueryFingerprint)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"2|{Score.ToString(CultureInfo.InvariantCulture)}|{Id.ToString(CultureInfo.InvariantCulture)}|{Seen.ToString(CultureInfo.InvariantCulture)}|{QueryFingerprint}"))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static SearchCursor Decode(string cursor, string expectedFingerprint)
    {
        string[] parts;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|');
        }
        catch (FormatException)
        {
            throw new InvalidCursorException("The cursor is not one this search returned (not base64url).");
        }
        if (parts.Length != 5 || parts[0] != "2"
            || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var score)
            || !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var seen))
            throw new InvalidCursorException("The cursor is not one this search returned (unknown format).");
        if (parts[4] != expectedFingerprint)
            throw new InvalidCursorException("The cursor belongs to a different query or facet selection: start again from the first page.");
        return new SearchCursor(score, id, seen, parts[4]);
    }

    /// <summary>A short hash of the normalised query and filters.</summary>
    public static string Fingerprint(string normalizedQuery) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedQuery)))[..12];
}

/// <summary>A cursor that cannot be used: the API answers 400 with this message.</summary>
public sealed class InvalidCursorException(string message) : Exception(message);
