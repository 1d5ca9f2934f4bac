using Catalog.Domain.Entities;
using Catalog.Plugins.Ui;

namespace Catalog.Web.Tests.Plugins;

public sealed class EntityFilterTests
{
    private static readonly CatalogEntity Plays = new() { Ref = EntityRef.Dataset("bigquery", "tunewave-prod.listening.plays"), Platform = "bigquery" };
    private static readonly CatalogEntity LoadJob = new() { Ref = EntityRef.Job("tunewave-ingest", "load_plays_hourly") };

    [Theory]
    [InlineData("kind:dataset", true, false)]
    [InlineData("kind:dataset,job", true, true)]
    [InlineData("kind:dataset platform:bigquery", true, false)]
    [InlineData("platform:postgres", false, false)]
    [InlineData("namespace:tunewave-ingest", false, true)]
    [InlineData("", true, true)]
    public void Filters_match_entities_the_way_Backstage_filters_read(string filter, bool matchesDataset, bool matchesJob)
    {
        var parsed = EntityFilter.Parse(filter);

        Assert.Equal(matchesDataset, parsed.Matches(Plays));
        Assert.Equal(matchesJob, parsed.Matches(LoadJob));
    }

    [Theory]
    [InlineData("dataset", "not of the form")]
    [InlineData("owner:team-a", "unknown")]
    [InlineData("kind:", "not of the form")]
    public void A_malformed_filter_is_rejected_with_what_to_write_instead(string filter, string expected)
    {
        var error = Assert.Throws<FormatException>(() => EntityFilter.Parse(filter));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
