using System.Text;
using Catalog.Plugins.Search.Query;

namespace Catalog.Plugins.Search;

/// <summary>Search page URLs (entity pages: the host's <c>Catalog.Plugins.Ui.EntityLinks.Href</c>).</summary>
public static class SearchLinks
{
    /// <summary>The search page for a query text and facet selections.</summary>
    public static string Page(string? query, IEnumerable<FieldFilter> facets, string? cursor = null)
    {
        var url = new StringBuilder("/search?q=").Append(Uri.EscapeDataString(query ?? ""));
        foreach (var facet in facets) url.Append("&facet=").Append(Uri.EscapeDataString(facet.ToString()));
        if (cursor is not null) url.Append("&cursor=").Append(Uri.EscapeDataString(cursor));
        return url.ToString();
    }
}
