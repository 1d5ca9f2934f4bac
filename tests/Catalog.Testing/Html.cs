using AngleSharp;
using AngleSharp.Dom;

namespace Catalog.Testing;

/// <summary>Parses served HTML with AngleSharp so tests query the page as a browser would see its markup.</summary>
public static class Html
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return await ParseAsync(html);
    }

    public static Task<IDocument> ParseAsync(string html) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));
}
