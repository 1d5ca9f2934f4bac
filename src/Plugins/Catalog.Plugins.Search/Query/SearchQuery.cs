namespace Catalog.Plugins.Search.Query;

/// <summary>
/// A parsed search-box query. Positive terms are alternatives ranked by how many a document matches (not a
/// strict AND); negated terms and filters exclude. Filters on the same field are alternatives (any of them),
/// filters on different fields must all hold.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<QueryTerm> Terms, IReadOnlyList<FieldFilter> Filters)
{
    public static SearchQuery Empty { get; } = new([], []);

    public IEnumerable<QueryTerm> PositiveTerms => Terms.Where(t => !t.Negated);
    public IEnumerable<QueryTerm> NegatedTerms => Terms.Where(t => t.Negated);
    public bool HasText => PositiveTerms.Any();

    /// <summary>The positive free text as typed (without filters): what an exact-name match is compared with.</summary>
    public string Text => string.Join(' ', PositiveTerms.Select(t => t.Text));

    public SearchQuery WithFilters(IEnumerable<FieldFilter> more) =>
        this with { Filters = [.. Filters, .. more.Where(f => !Filters.Contains(f))] };

    public override string ToString() => string.Join(' ', Terms.Select(t => t.ToString()).Concat(Filters.Select(f => f.ToString())));
}
