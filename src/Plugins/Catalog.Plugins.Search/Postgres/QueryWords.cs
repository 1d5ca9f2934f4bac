using System.Text;
using System.Text.RegularExpressions;

namespace Catalog.Plugins.Search.Postgres;

/// <summary>
/// Splits query text into words the way the SQL function <c>search_words</c> splits names:
/// camelCase and every non-alphanumeric character separate words. Only letters and digits survive, so the
/// words are safe to put into tsquery syntax.
/// </summary>
public static partial class QueryWords
{
    public static IReadOnlyList<string> Split(string text) =>
        NonWord().Split(CamelBoundary().Replace(text, "$1 $2"))
            .Where(w => w.Length > 0)
            .Select(w => w.ToLowerInvariant())
            .ToList();

    /// <summary>Lower-case without accents, as <c>search_fold</c> does (for exact-name comparison).</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark);
        return new string(kept.ToArray()).Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    /// <summary>A LIKE pattern that matches <paramref name="text"/> literally (names are full of underscores).</summary>
    public static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    [GeneratedRegex(@"([\p{Ll}\p{Nd}])(\p{Lu})")]
    private static partial Regex CamelBoundary();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
