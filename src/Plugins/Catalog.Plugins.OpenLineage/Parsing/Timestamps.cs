using System.Globalization;
using System.Text.RegularExpressions;

namespace Catalog.Plugins.OpenLineage.Parsing;

/// <summary>
/// Lenient ISO-8601: producers send nanoseconds (more digits than .NET parses) and times without a zone
/// (taken as UTC, as Marquez does).
/// </summary>
internal static partial class Timestamps
{
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = ExtraFraction().Replace(text.Trim(), "$1");
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    // Keep at most 7 fractional digits (ticks).
    [GeneratedRegex(@"(\.\d{7})\d+")]
    private static partial Regex ExtraFraction();
}
