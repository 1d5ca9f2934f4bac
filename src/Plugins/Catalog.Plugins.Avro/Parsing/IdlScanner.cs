using System.Text;

namespace Catalog.Plugins.Avro.Parsing;

/// <summary>Tokens of Avro IDL: identifiers (dotted, or `escaped`), strings, numbers and punctuation, with positions.</summary>
internal sealed class IdlScanner(string text)
{
    private int position;
    private int line = 1;
    private int column = 1;

    /// <summary>The most recent <c>/** … */</c> comment, consumed by the next declaration that takes a doc.</summary>
    public string? PendingDoc { get; set; }

    public string Where => $"line {line}, column {column}";

    public IdlToken Peek()
    {
        // The position is restored; a doc comment seen while peeking stays pending (re-reading it sets the same text).
        var (p, l, c) = (position, line, column);
        var token = Next();
        (position, line, column) = (p, l, c);
        return token;
    }

    public IdlToken Next()
    {
        SkipTrivia();
        if (position >= text.Length) return new IdlToken(IdlTokenKind.End, "", Where);
        var where = Where;
        var ch = text[position];
        if (ch == '"')
        {
            var sb = new StringBuilder();
            Advance();
            while (position < text.Length && text[position] != '"')
            {
                if (text[position] == '\\' && position + 1 < text.Length) { Advance(); }
                sb.Append(text[position]);
                Advance();
            }
            if (position >= text.Length) throw new AvroSchemaException(where, "unterminated string");
            Advance();
            return new IdlToken(IdlTokenKind.String, sb.ToString(), where);
        }
        if (ch == '`')
        {
            var end = text.IndexOf('`', position + 1);
            if (end < 0) throw new AvroSchemaException(where, "unterminated `escaped` identifier");
            var value = text[(position + 1)..end];
            while (position <= end) Advance();
            return new IdlToken(IdlTokenKind.Identifier, value, where);
        }
        if (char.IsAsciiLetter(ch) || ch == '_')
        {
            var start = position;
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '_' or '.' or '-')) Advance();
            return new IdlToken(IdlTokenKind.Identifier, text[start..position], where);
        }
        if (char.IsAsciiDigit(ch) || ch == '-')
        {
            var start = position;
            Advance();
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] is '.' or 'e' or 'E' or '+' or '-')) Advance();
            return new IdlToken(IdlTokenKind.Number, text[start..position], where);
        }
        Advance();
        return new IdlToken(IdlTokenKind.Symbol, ch.ToString(), where);
    }

    public IdlToken Expect(string symbolOrKeyword)
    {
        var token = Next();
        if (token.Text != symbolOrKeyword || token.Kind == IdlTokenKind.String)
            throw new AvroSchemaException(token.Where, $"expected '{symbolOrKeyword}', found {token}");
        return token;
    }

    public string ExpectIdentifier(string what)
    {
        var token = Next();
        return token.Kind == IdlTokenKind.Identifier ? token.Text
            : throw new AvroSchemaException(token.Where, $"expected {what}, found {token}");
    }

    /// <summary>Raw text of a JSON value (a default or an annotation argument), up to a top-level terminator.</summary>
    public (string Json, string Where) ReadJsonUntil(params char[] terminators)
    {
        SkipTrivia();
        var where = Where;
        var start = position;
        var depth = 0;
        var inString = false;
        while (position < text.Length)
        {
            var ch = text[position];
            if (inString)
            {
                if (ch == '\\') Advance();
                else if (ch == '"') inString = false;
            }
            else if (ch == '"') inString = true;
            else if (ch is '[' or '{') depth++;
            else if (ch is ']' or '}') depth--;
            else if (depth == 0 && terminators.Contains(ch)) break;
            if (depth < 0) break;
            Advance();
        }
        return (text[start..position].Trim(), where);
    }

    private void Advance()
    {
        if (text[position] == '\n') { line++; column = 1; } else column++;
        position++;
    }

    private void SkipTrivia()
    {
        while (position < text.Length)
        {
            if (char.IsWhiteSpace(text[position])) { Advance(); continue; }
            if (text[position] == '/' && position + 1 < text.Length && text[position + 1] == '/')
            {
                while (position < text.Length && text[position] != '\n') Advance();
                continue;
            }
            if (text[position] == '/' && position + 1 < text.Length && text[position + 1] == '*')
            {
                var where = Where;
                var end = text.IndexOf("*/", position + 2, StringComparison.Ordinal);
                if (end < 0) throw new AvroSchemaException(where, "unterminated comment");
                if (position + 2 < text.Length && text[position + 2] == '*' && end > position + 2)
                    PendingDoc = CleanDoc(text[(position + 3)..end]);
                while (position < end + 2) Advance();
                continue;
            }
            break;
        }
    }

    private static string CleanDoc(string raw) =>
        string.Join(" ", raw.Split('\n').Select(l => l.Trim().TrimStart('*').Trim()).Where(l => l.Length > 0));
}

internal enum IdlTokenKind { Identifier, String, Number, Symbol, End }

internal sealed record IdlToken(IdlTokenKind Kind, string Text, string Where)
{
    public override string ToString() => Kind switch
    {
        IdlTokenKind.End => "the end of the file",
        IdlTokenKind.String => $"the string \"{Text}\"",
        _ => $"'{Text}'",
    };
}
