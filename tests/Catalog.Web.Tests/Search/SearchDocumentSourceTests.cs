using System.Runtime.CompilerServices;
using Catalog.Plugins.Search;
using Catalog.Plugins.Search.Postgres;
using Catalog.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Catalog.Web.Tests.Search;

/// <summary>A plugin's ISearchDocumentSource: changes of its kinds are queued in the same transaction and fetched from it.</summary>
public sealed class SearchDocumentSourceTests : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;

    /// <summary>Describes event types by their schema fields, which the core tables do not hold.</summary>
    private sealed class EventTypeDocuments : ISearchDocumentSource
    {
        public IReadOnlyCollection<string> Kinds { get; } = ["event-type"];

        public async IAsyncEnumerable<SearchDocument> GetDocumentsAsync(IReadOnlyCollection<long> entityIds, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            foreach (var id in entityIds)
                yield return new SearchDocument
                {
                    EntityId = id, Ref = "ignored", Kind = "event-type", Name = "PlaybackStarted",
                    Columns = ["track_uri", "listener_country"], Description = "Emitted when playback starts.",
                };
        }
    }

    public async Task InitializeAsync() => dataSource = NpgsqlDataSource.Create(await PostgresServer.CreateDatabaseAsync("searchsource"));

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task Documents_of_claimed_kinds_come_from_the_source_through_the_outbox()
    {
        ISearchDocumentSource[] sources = [new EventTypeDocuments()];
        var writer = new SearchDocumentWriter(dataSource, sources);
        var registry = new SearchDocumentSources(dataSource, sources, NullLogger<SearchDocumentSources>.Instance);
        var engine = new PostgresSearchEngine(dataSource, Microsoft.Extensions.Options.Options.Create(new SearchOptions()), writer);
        await registry.ClaimKindsAsync(CancellationToken.None);
        var catalog = new TestCatalog(dataSource);

        await catalog.AddAsync("event-type", "music", "PlaybackStarted", visibility: "everyone");
        var beforeDrain = await engine.SearchAsync(Catalog.Plugins.Search.Engine.SearchRequest.Parse("listener_country"), SearchCatalogFixture.Outsider, CancellationToken.None);
        var drained = await registry.DrainOnceAsync(CancellationToken.None);
        var afterDrain = await engine.SearchAsync(Catalog.Plugins.Search.Engine.SearchRequest.Parse("listener_country"), SearchCatalogFixture.Outsider, CancellationToken.None);

        Assert.Empty(beforeDrain.Hits);
        Assert.Equal(1, drained);
        var hit = Assert.Single(afterDrain.Hits);
        Assert.Equal("event-type:music:PlaybackStarted", hit.Ref);
        Assert.Equal(0, await registry.DrainOnceAsync(CancellationToken.None));
    }
}
