using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Catalog.Plugins.Search.Postgres;

/// <summary>
/// Keyset position after the last hit of a page: its score and id (results are ordered by score descending, then id),
/// and how many hits came before it (<paramref name="Seen"/>: deeper pages widen the candidate set, see SearchSql).
/// Opaque to clients and signed (ASP.NET Core Data Protection: authenticated encryption), so a client can neither
/// read nor forge one — a forged <c>Seen</c> would set the depth of the scan. Tied to the query it came from so it
/// cannot be replayed against another query, and bounded by <see cref="SearchOptions.MaxCursorDepth"/>.
/// </summary>
public sealed record SearchCursor(decimal Score, long Id, int Seen, string QueryFingerprint)
{
    /// <summary>The purpose string of the cursor's key: a cookie or antiforgery token can never pass for a cursor.</summary>
    public const string ProtectionPurpose = "Catalog.Search.Cursor.v3";

    public string Encode(IDataProtector protector) => Convert.ToBase64String(protector.Protect(Encoding.UTF8.GetBytes(
            $"3|{Score.ToString(CultureInfo.InvariantCulture)}|{Id.ToString(CultureInfo.InvariantCulture)}|{Seen.ToString(CultureInfo.InvariantCulture)}|{QueryFingerprint}")))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static SearchCursor Decode(string cursor, string expectedFingerprint, IDataProtector protector, int maxDepth)
    {
        string[] parts;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            parts = Encoding.UTF8.GetString(protector.Unprotect(Convert.FromBase64String(base64))).Split('|');
        }
        catch (FormatException)
        {
            throw new InvalidCursorException("The cursor is not one this search returned (not base64url).");
        }
        catch (CryptographicException)
        {
            throw new InvalidCursorException("The cursor is not one this catalog issued, or it was altered: start again from the first page.");
        }
        if (parts.Length != 5 || parts[0] != "3"
            || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var score)
            || !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var seen))
            throw new InvalidCursorException("The cursor is not one this search returned (unknown format).");
        if (parts[4] != expectedFingerprint)
            throw new InvalidCursorException("The cursor belongs to a different query or facet selection: start again from the first page.");
        if (seen > maxDepth)
            throw new InvalidCursorException($"The cursor is deeper than {maxDepth} hits (Plugins:search:MaxCursorDepth): refine the query instead.");
        return new SearchCursor(score, id, seen, parts[4]);
    }

    /// <summary>A short hash of the normalised query and filters.</summary>
    public static string Fingerprint(string normalizedQuery) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedQuery)))[..12];
}

/// <summary>A cursor that cannot be used: the API answers 400 with this message.</summary>
public sealed class InvalidCursorException(string message) : Exception(message);
