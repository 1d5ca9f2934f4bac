using Catalog.Plugins.Security;

namespace Catalog.Plugins.Search.Engine;

/// <summary>
/// A search engine over catalog documents. PostgreSQL full-text is the built-in one (<see cref="Postgres.PostgresSearchEngine"/>);
/// another engine implements this interface and is registered in its place (see README.md).
/// </summary>
public interface ISearchEngine
{
    /// <summary>Shown on start-up and on the plugins page.</summary>
    string Name { get; }

    /// <summary>Whether the engine can run here (extensions, tables, a reachable server). Asked once at start-up.</summary>
    Task<SearchSupport> CheckSupportAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces documents (a plugin's <see cref="ISearchDocumentSource"/> contributions).</summary>
    Task IndexAsync(IReadOnlyCollection<SearchDocument> documents, string source, CancellationToken cancellationToken);

    /// <summary>Drops documents: the entities no longer appear in results.</summary>
    Task RemoveAsync(IReadOnlyCollection<long> entityIds, CancellationToken cancellationToken);

    /// <summary>One page of ranked results, visible to <paramref name="principal"/>, with facet counts on the first page.</summary>
    Task<SearchResults> SearchAsync(SearchRequest request, CatalogPrincipal principal, CancellationToken cancellationToken);

    /// <summary>Names that complete what the user is typing.</summary>
    Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int limit, CatalogPrincipal principal, CancellationToken cancellationToken);

    /// <summary>Rebuilds every document from the catalog and from the registered document sources.</summary>
    Task<RebuildReport> RebuildAsync(IProgress<double>? progress, CancellationToken cancellationToken);
}

/// <summary>Whether an engine can run, and if not, what to do about it.</summary>
public sealed record SearchSupport(bool IsSupported, string Detail);

/// <summary>What a rebuild did.</summary>
public sealed record RebuildReport(long Documents, long ContributedDocuments, TimeSpan Elapsed);
