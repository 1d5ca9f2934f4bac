namespace Catalog.Plugins.Search.Query;

/// <summary>An exact <c>field:value</c> filter (<c>owner:data-platform</c>); <see cref="Negated"/> for <c>-field:value</c>.</summary>
public sealed record FieldFilter(string Field, string Value, bool Negated)
{
    public override string ToString() =>
        (Negated ? "-" : "") + Field + ":" + (Value.Any(char.IsWhiteSpace) ? $"\"{Value}\"" : Value);

    /// <summary>Parses <c>field:value</c> (as sent by facet links); null when the field is not a filter field.</summary>
    public static FieldFilter? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var negated = text.StartsWith('-');
        var body = negated ? text[1..] : text;
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == body.Length - 1) return null;
        var field = body[..colon].ToLowerInvariant();
        var value = body[(colon + 1)..].Trim().Trim('"');
        return SearchFields.IsFilterField(field) && value.Length > 0 ? new FieldFilter(field, value, negated) : null;
    }
}
