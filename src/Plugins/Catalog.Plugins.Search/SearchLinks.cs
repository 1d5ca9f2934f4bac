using System.Text;
using Catalog.Plugins.Search.Query;

namespace Catalog.Plugins.Search;

/// <summary>URLs the search page and API hand out.</summary>
public static class SearchLinks
{
    /// <summary>The entity page, each part escaped so URI namespaces and path names stay one segment.</summary>
    public static string Entity(string kind, string @namespace, string name) =>
        $"/entity/{Uri.EscapeDataString(kind)}/{Uri.EscapeDataString(@namespace)}/{Uri.EscapeDataString(name)}";

    /// <summary>The search page for a query text and facet selections.</summary>
    public static string Page(string? query, IEnumerable<FieldFilter> facets, string? cursor = null)
    {
        var url = new StringBuilder("/search?q=").Append(Uri.EscapeDataString(query ?? ""));
        foreach (var facet in facets) url.Append("&facet=").Append(Uri.EscapeDataString(facet.ToString()));
        if (cursor is not null) url.Append("&cursor=").Append(Uri.EscapeDataString(cursor));
        return url.ToString();
    }
}
