using Catalog.Plugins.Search;
using Catalog.Plugins.Search.Engine;
using Catalog.Plugins.Search.Postgres;
using Catalog.Plugins.Security;
using Catalog.Testing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Web.Tests.Search;

/// <summary>
/// A realistic catalog in a fresh database: Marquez's real food_delivery seed events (datasets, columns, jobs,
/// lineage) plus generated entities that set up each ranking, filtering and visibility case.
/// </summary>
public sealed class SearchCatalogFixture : IAsyncLifetime
{
    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public PostgresSearchEngine Engine { get; private set; } = null!;
    public TestCatalog Catalog { get; private set; } = null!;

    public static CatalogPrincipal Outsider { get; } = new("user:default:mallory", new HashSet<string> { "group:default:marketing" }, new HashSet<string> { CatalogRoles.Viewer });
    public static CatalogPrincipal PaymentsMember { get; } = new("user:default:pat", new HashSet<string> { "group:default:payments" }, new HashSet<string> { CatalogRoles.Viewer });
    public static CatalogPrincipal Auditor { get; } = new("user:default:audrey", new HashSet<string>(), new HashSet<string> { CatalogRoles.Auditor });

    public async Task InitializeAsync()
    {
        DataSource = NpgsqlDataSource.Create(await PostgresServer.CreateDatabaseAsync("search"));
        Engine = new PostgresSearchEngine(DataSource, Options.Create(new SearchOptions()), new SearchDocumentWriter(DataSource, []));
        Catalog = new TestCatalog(DataSource);
        await Catalog.LoadOpenLineageAsync(Corpus.Path("openlineage", "events", "marquez", "seed", "metadata.json"), "postgres");
        await GenerateAsync();
    }

    private async Task GenerateAsync()
    {
        // Noise: names that share words with the seed so that ranking has to choose.
        string[] areas = ["sales", "billing", "marketing", "logistics", "support"];
        string[] things = ["orders", "customers", "invoices", "shipments", "tickets", "events"];
        foreach (var area in areas)
            foreach (var thing in things)
                await Catalog.AddAsync("dataset", "warehouse", $"{area}.{thing}_daily", $"Daily snapshot of {thing} for the {area} team.",
                    owner: $"group:default:{area}", platform: "bigquery", tags: [area]);

        // Owner and tag look-alikes: filters must be exact.
        await Catalog.AddAsync("dataset", "warehouse", "ledger.entries", "General ledger entries.", owner: "group:default:team-a", platform: "bigquery", tags: ["finance"]);
        await Catalog.AddAsync("dataset", "warehouse", "ledger.entries_archive", "Archived ledger entries.", owner: "group:default:team-ab", platform: "bigquery", tags: ["finance-archive"]);

        // Restricted: only payments members (owners) and auditors may see it.
        await Catalog.AddAsync("dataset", "warehouse", "payments.card_tokens", "Tokenised card numbers.", owner: "group:default:payments",
            platform: "bigquery", tags: ["pii"], visibility: "restricted");

        // Same words, different usefulness: eu feeds three jobs, us none.
        var eu = await Catalog.AddAsync("dataset", "warehouse", "revenue.bookings_eu", "Bookings revenue.", platform: "bigquery");
        await Catalog.AddAsync("dataset", "warehouse", "revenue.bookings_us", "Bookings revenue.", platform: "bigquery");
        for (var i = 0; i < 3; i++)
            await Catalog.AddEdgeAsync(eu, await Catalog.AddAsync("job", "warehouse", $"bookings_report_{i}"), "reads");

        // Deprecated twin of an active dataset.
        await Catalog.AddAsync("dataset", "warehouse", "crm.accounts_v1", "Customer accounts (old).", lifecycle: "deprecated", platform: "bigquery");
        await Catalog.AddAsync("dataset", "warehouse", "crm.accounts_v2", "Customer accounts (old).", platform: "bigquery");

        // Accents and hostile text.
        await Catalog.AddAsync("dataset", "warehouse", "café_sales", "Ventes du café, par jour.", platform: "bigquery");
        await Catalog.AddAsync("dataset", "warehouse", "web.clickstream", "<script>alert('x')</script> raw clickstream <b>events</b> from the web site", platform: "kafka");
    }

    public Task<SearchResults> SearchAsync(string query, CatalogPrincipal? principal = null, int limit = 20, params string[] facets) =>
        Engine.SearchAsync(SearchRequest.Parse(query, facets) with { Limit = limit }, principal ?? Outsider, CancellationToken.None);

    public async Task DisposeAsync() => await DataSource.DisposeAsync();
}
