namespace Catalog.Plugins.Search;

/// <summary>
/// Produces search documents for the entity kinds a plugin owns. The search engine asks for documents of entities
/// that changed (by id) and for all of them when it rebuilds the index.
/// </summary>
public interface ISearchDocumentSource
{
    /// <summary>Entity kinds this source describes (<c>dataset</c>, <c>job</c>…).</summary>
    IReadOnlyCollection<string> Kinds { get; }

    /// <summary>Documents for the given entity ids; ids that are gone (or not this source's kinds) yield nothing.</summary>
    IAsyncEnumerable<SearchDocument> GetDocumentsAsync(IReadOnlyCollection<long> entityIds, CancellationToken cancellationToken);
}
