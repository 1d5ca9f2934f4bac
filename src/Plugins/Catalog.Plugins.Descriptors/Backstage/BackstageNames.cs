using System.Text;
using System.Text.RegularExpressions;

namespace Catalog.Plugins.Descriptors.Backstage;

/// <summary>
/// Backstage's naming rules (catalog-model KubernetesValidatorFunctions and FieldFormatEntityPolicy), so a file
/// Backstage rejects is rejected here too, with the same reasons.
/// </summary>
public static partial class BackstageNames
{
    public const string NameRule = "1–63 characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
    public const string NamespaceRule = "1–63 lower-case letters, digits and single dashes (a DNS label)";
    public const string TagRule = "1–63 characters of lower-case letters, digits and ':+#', in words joined by single dashes";

    public static bool IsValidName(string? value) => value is { Length: >= 1 and <= 63 } && NamePattern().IsMatch(value);

    public static bool IsValidNamespace(string? value) => value is { Length: >= 1 and <= 63 } && NamespacePattern().IsMatch(value);

    public static bool IsValidKind(string? value) => value is { Length: >= 1 and <= 63 } && KindPattern().IsMatch(value);

    public static bool IsValidTag(string? value) => value is { Length: >= 1 and <= 63 } && TagPattern().IsMatch(value);

    /// <summary>Backstage kind to catalog kind: <c>API</c> → <c>api</c>, <c>AiResource</c> → <c>ai-resource</c>.</summary>
    public static string ToCatalogKind(string kind)
    {
        if (kind.All(char.IsUpper)) return kind.ToLowerInvariant();
        var builder = new StringBuilder();
        for (var i = 0; i < kind.Length; i++)
        {
            var c = kind[i];
            if (char.IsUpper(c) && i > 0 && !char.IsUpper(kind[i - 1])) builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9]+(?:-+[a-z0-9]+)*$")]
    private static partial Regex NamespacePattern();

    [GeneratedRegex("^[a-zA-Z][a-z0-9A-Z]*$")]
    private static partial Regex KindPattern();

    [GeneratedRegex("^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$")]
    private static partial Regex TagPattern();
}
