using System.Globalization;
using System.Text;

namespace Catalog.Plugins.Ui;

/// <summary>
/// Characters that change how a name reads without being seen: bidirectional controls (U+202E turns
/// <c>orders_gpj.exe</c> around) and zero-width characters (U+200B makes two names that look identical differ).
/// Names, refs and descriptions are harvested, untrusted text: wherever they render, these are shown as a visible
/// marker with their code point instead of being obeyed. The stored and searched text stays as the producer sent it.
/// </summary>
public static class InvisibleCharacters
{
    private static readonly Dictionary<int, string> Names = new()
    {
        [0x061C] = "ARABIC LETTER MARK",
        [0x180E] = "MONGOLIAN VOWEL SEPARATOR",
        [0x200B] = "ZERO WIDTH SPACE",
        [0x200C] = "ZERO WIDTH NON-JOINER",
        [0x200D] = "ZERO WIDTH JOINER",
        [0x200E] = "LEFT-TO-RIGHT MARK",
        [0x200F] = "RIGHT-TO-LEFT MARK",
        [0x202A] = "LEFT-TO-RIGHT EMBEDDING",
        [0x202B] = "RIGHT-TO-LEFT EMBEDDING",
        [0x202C] = "POP DIRECTIONAL FORMATTING",
        [0x202D] = "LEFT-TO-RIGHT OVERRIDE",
        [0x202E] = "RIGHT-TO-LEFT OVERRIDE",
        [0x2060] = "WORD JOINER",
        [0x2061] = "FUNCTION APPLICATION",
        [0x2062] = "INVISIBLE TIMES",
        [0x2063] = "INVISIBLE SEPARATOR",
        [0x2064] = "INVISIBLE PLUS",
        [0x2066] = "LEFT-TO-RIGHT ISOLATE",
        [0x2067] = "RIGHT-TO-LEFT ISOLATE",
        [0x2068] = "FIRST STRONG ISOLATE",
        [0x2069] = "POP DIRECTIONAL ISOLATE",
        [0xFEFF] = "ZERO WIDTH NO-BREAK SPACE",
    };

    /// <summary>One piece of a text: plain text, or a single flagged character.</summary>
    public readonly record struct Segment(string Text, int? FlaggedCodePoint)
    {
        public string Marker => FlaggedCodePoint is { } c ? $"⚠ {Code(c)}" : Text;

        public string Explanation => FlaggedCodePoint is { } c
            ? $"Hidden character {Code(c)} {Names[c]} in this text: it is invisible or changes the reading direction, so the text may not read as it is stored."
            : "";
    }

    public static bool IsFlagged(int codePoint) => Names.ContainsKey(codePoint);

    public static bool Contains(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        foreach (var c in text)
            if (Names.ContainsKey(c)) return true;
        return false;
    }

    /// <summary>The text split around every flagged character (all of them are in the BMP, so one char each).</summary>
    public static IEnumerable<Segment> Split(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!Names.ContainsKey(text[i])) continue;
            if (i > start) yield return new Segment(text[start..i], null);
            yield return new Segment(text[i].ToString(), text[i]);
            start = i + 1;
        }
        if (start < text.Length) yield return new Segment(text[start..], null);
    }

    /// <summary>
    /// The text with each flagged character replaced by its marker (<c>⚠U+202E</c>), for places that take only plain
    /// text: the page title, attributes, graph labels.
    /// </summary>
    public static string Reveal(string? text)
    {
        if (!Contains(text)) return text ?? "";
        var builder = new StringBuilder(text!.Length + 16);
        foreach (var segment in Split(text)) builder.Append(segment.FlaggedCodePoint is { } c ? $"[⚠{Code(c)}]" : segment.Text);
        return builder.ToString();
    }

    private static string Code(int codePoint) => "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
}
