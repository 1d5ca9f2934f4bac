using System.Text;

namespace Catalog.Plugins.Search.Query;

/// <summary>
/// Parses the search box: free words, <c>"quoted phrases"</c>, <c>field:value</c> filters (<c>field:"two words"</c>),
/// a leading <c>-</c> to negate a word, phrase or filter, and <c>OR</c> (accepted; alternatives are the default).
/// Never throws: anything that is not syntax is text. Unknown fields (<c>dataset:food</c>) stay free text.
/// </summary>
public static class QueryParser
{
    public const int MaxLength = 512;
    public const int MaxTerms = 16;

    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return SearchQuery.Empty;
        if (text.Length > MaxLength) text = text[..MaxLength];
        var terms = new List<QueryTerm>();
        var filters = new List<FieldFilter>();
        var position = 0;
        while (position < text.Length && terms.Count + filters.Count < MaxTerms)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
            if (position >= text.Length) break;
            var negated = text[position] == '-' && position + 1 < text.Length && !char.IsWhiteSpace(text[position + 1]);
            if (negated) position++;
            if (text[position] == '"')
            {
                var phrase = ReadQuoted(text, ref position);
                if (phrase.Length > 0) terms.Add(new QueryTerm(phrase, IsPhrase: true, negated));
                continue;
            }
            var word = ReadWord(text, ref position, out var quotedValue);
            if (!negated && word == "OR") continue;
            var colon = word.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && SearchFields.IsFilterField(word[..colon].ToLowerInvariant()))
            {
                var value = quotedValue ?? word[(colon + 1)..];
                if (value.Length > 0) filters.Add(new FieldFilter(word[..colon].ToLowerInvariant(), value, negated));
                continue;
            }
            if (word.Length > 0) terms.Add(new QueryTerm(word, IsPhrase: false, negated));
        }
        return new SearchQuery(terms, filters);
    }

    // A word runs to the next whitespace; "field:" followed by a quote takes the quoted value (spaces included).
    private static string ReadWord(string text, ref int position, out string? quotedValue)
    {
        quotedValue = null;
        var start = position;
        while (position < text.Length && !char.IsWhiteSpace(text[position]))
        {
            if (text[position] == '"' && position > start && text[position - 1] == ':')
            {
                var field = text[start..position];
                quotedValue = ReadQuoted(text, ref position);
                return field;
            }
            position++;
        }
        return text[start..position];
    }

    private static string ReadQuoted(string text, ref int position)
    {
        position++; // opening quote
        var value = new StringBuilder();
        while (position < text.Length && text[position] != '"') value.Append(text[position++]);
        if (position < text.Length) position++; // closing quote; an unterminated phrase runs to the end
        return value.ToString().Trim();
    }
}
