namespace Catalog.Web.Errors;

/// <summary>
/// Characters no parameter may carry: NUL (PostgreSQL's text cannot hold it), the other C0 controls except tab and
/// line breaks, and unpaired UTF-16 surrogates (not a character at all). Rejected at the door with a 400 naming the
/// parameter, instead of failing deep inside a query as a 500.
/// </summary>
public static class InvalidCharacters
{
    /// <summary>Index of the first invalid character of <paramref name="value"/>, or -1.</summary>
    public static int IndexOf(string? value)
    {
        if (value is null) return -1;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r')) return i;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return i;
        }
        return -1;
    }

    /// <summary>"a NUL character (U+0000)", "a control character (U+001B)" or "an unpaired surrogate (U+D800)".</summary>
    public static string Describe(char c) => c switch
    {
        '\0' => "a NUL character (U+0000)",
        _ when char.IsSurrogate(c) => $"an unpaired surrogate (U+{(int)c:X4})",
        _ => $"a control character (U+{(int)c:X4})",
    };
}
