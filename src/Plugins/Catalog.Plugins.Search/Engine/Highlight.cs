using System.Text;
using System.Text.Encodings.Web;

namespace Catalog.Plugins.Search.Engine;

/// <summary>
/// Text with matched parts marked, kept as segments so metadata is never treated as markup: pages render each
/// segment as encoded text (inside <c>&lt;mark&gt;</c> when matched) and <see cref="ToHtml"/> encodes every segment.
/// </summary>
public sealed record Highlight(IReadOnlyList<HighlightSegment> Segments)
{
    public static Highlight Empty { get; } = new([]);

    public static Highlight Plain(string? text) => string.IsNullOrEmpty(text) ? Empty : new([new HighlightSegment(text, false)]);

    public bool IsEmpty => Segments.Count == 0;
    public string Text => string.Concat(Segments.Select(s => s.Text));

    /// <summary>HTML where the only markup is <c>&lt;mark&gt;</c> around matches; all text is HTML-encoded.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        foreach (var segment in Segments)
        {
            var encoded = HtmlEncoder.Default.Encode(segment.Text);
            html.Append(segment.IsMatch ? $"<mark>{encoded}</mark>" : encoded);
        }
        return html.ToString();
    }

    /// <summary>Marks every case-insensitive occurrence of any of <paramref name="words"/> in <paramref name="text"/>.</summary>
    public static Highlight Mark(string text, IReadOnlyCollection<string> words)
    {
        var marked = new bool[text.Length];
        foreach (var word in words.Where(w => w.Length > 0))
            for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(word, at + word.Length, StringComparison.OrdinalIgnoreCase))
                Array.Fill(marked, true, at, word.Length);
        return FromMask(text, marked);
    }

    /// <summary>
    /// Reads ts_headline output whose matches are delimited by <paramref name="start"/> and <paramref name="stop"/>.
    /// The source text had both characters stripped before ts_headline ran, so every delimiter here is the engine's own.
    /// </summary>
    public static Highlight FromDelimited(string? text, char start, char stop)
    {
        if (string.IsNullOrEmpty(text)) return Empty;
        var segments = new List<HighlightSegment>();
        var current = new StringBuilder();
        var inMatch = false;
        foreach (var c in text)
        {
            if (c != start && c != stop) { current.Append(c); continue; }
            if (current.Length > 0) segments.Add(new HighlightSegment(current.ToString(), inMatch));
            current.Clear();
            inMatch = c == start;
        }
        if (current.Length > 0) segments.Add(new HighlightSegment(current.ToString(), inMatch));
        return new Highlight(segments);
    }

    private static Highlight FromMask(string text, bool[] marked)
    {
        var segments = new List<HighlightSegment>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && marked[i] == marked[start]) continue;
            segments.Add(new HighlightSegment(text[start..i], marked[start]));
            start = i;
        }
        return new Highlight(segments);
    }
}

public sealed record HighlightSegment(string Text, bool IsMatch);
