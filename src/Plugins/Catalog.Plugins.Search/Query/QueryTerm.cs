namespace Catalog.Plugins.Search.Query;

/// <summary>A free-text word or a quoted phrase of the search box; <see cref="Negated"/> when written with a leading <c>-</c>.</summary>
public sealed record QueryTerm(string Text, bool IsPhrase, bool Negated)
{
    public override string ToString() => (Negated ? "-" : "") + (IsPhrase ? $"\"{Text}\"" : Text);
}
