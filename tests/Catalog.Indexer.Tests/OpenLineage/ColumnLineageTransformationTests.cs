using Catalog.Harvesting;
using Catalog.Indexer.Tests.Harvesting;
using Catalog.Plugins.OpenLineage;
using Catalog.Plugins.OpenLineage.Files;
using Catalog.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Catalog.Indexer.Tests.OpenLineage;

public sealed class ColumnLineageTransformationTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    private Task<HarvestRunSummary> HarvestAsync(string file) =>
        new HarvestRunner([new OpenLineageFileHarvester(Options.Create(new OpenLineageOptions()))], db.Engine(), NullLogger<HarvestRunner>.Instance)
            .RunAsync("openlineage", Corpus.Path("openlineage", "events", "compatibility-tests", "CLL", file), force: true);

    private Task<string?> EdgeAsync(string toField) => db.ScalarAsync<string>("""
        SELECT c.transformation_type || '/' || c.transformation_subtype || ' ' ||
               (SELECT string_agg((x ->> 'type') || '/' || (x ->> 'subtype'), ',' ORDER BY n) FROM jsonb_array_elements(c.transformations) WITH ORDINALITY AS t(x, n))
        FROM column_lineage_edges c JOIN entities f ON f.id = c.from_dataset_id JOIN entities t ON t.id = c.to_dataset_id
        WHERE f.ref = 'dataset:file:/tmp/cll_test/cll_source1' AND c.from_field = 'a'
          AND t.ref = 'dataset:file:/tmp/cll_test/tbl1' AND c.to_field = $1
        """, toField);

    [Fact]
    public async Task Every_transformation_of_an_input_field_is_kept_in_order_with_the_first_as_the_primary()
    {
        var summary = await HarvestAsync("7.json");

        Assert.True(summary.ErrorCount == 0, string.Join("\n", summary.Errors));
        Assert.Equal("DIRECT/IDENTITY DIRECT/IDENTITY,INDIRECT/GROUP_BY,INDIRECT/JOIN,INDIRECT/FILTER", await EdgeAsync("ident"));
        Assert.Equal("INDIRECT/GROUP_BY INDIRECT/GROUP_BY,INDIRECT/JOIN,INDIRECT/FILTER", await EdgeAsync("agg"));
    }

    [Fact]
    public async Task Harvesting_another_event_with_the_same_column_lineage_does_not_duplicate_transformations()
    {
        await HarvestAsync("7.json");
        await HarvestAsync("8.json");

        Assert.Equal("DIRECT/IDENTITY DIRECT/IDENTITY,INDIRECT/GROUP_BY,INDIRECT/JOIN,INDIRECT/FILTER", await EdgeAsync("ident"));
    }
}
