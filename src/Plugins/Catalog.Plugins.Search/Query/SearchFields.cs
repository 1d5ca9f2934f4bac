namespace Catalog.Plugins.Search.Query;

/// <summary>The fields a query may filter on with <c>field:value</c>, and the ones shown as facets.</summary>
public static class SearchFields
{
    public const string Kind = "kind";
    public const string Owner = "owner";
    public const string Tag = "tag";
    public const string Platform = "platform";
    public const string Namespace = "namespace";
    public const string Classification = "classification";
    public const string Column = "column";

    public static IReadOnlyList<string> Filters { get; } = [Kind, Owner, Tag, Platform, Namespace, Classification, Column];

    /// <summary>Facets, in the order the search page shows them (columns are too many to count usefully).</summary>
    public static IReadOnlyList<string> Facets { get; } = [Kind, Platform, Namespace, Owner, Tag, Classification];

    public static bool IsFilterField(string field) => Filters.Contains(field);
}
