using Catalog.Plugins.Search.Engine;

namespace Catalog.Web.Tests.Search;

public sealed class HighlightTests
{
    [Fact]
    public void Html_encodes_text_and_marks_only_matches()
    {
        var highlight = Highlight.Mark("<img src=x onerror=alert(1)> orders", ["orders"]);

        Assert.Equal("&lt;img src=x onerror=alert(1)&gt; <mark>orders</mark>", highlight.ToHtml());
    }

    [Fact]
    public void Delimited_headline_output_becomes_segments()
    {
        var highlight = Highlight.FromDelimited("all \u0002orders\u0003 & \u0002customers\u0003", '\u0002', '\u0003');

        Assert.Equal([new HighlightSegment("all ", false), new HighlightSegment("orders", true), new HighlightSegment(" & ", false), new HighlightSegment("customers", true)],
            highlight.Segments);
        Assert.Equal("all <mark>orders</mark> &amp; <mark>customers</mark>", highlight.ToHtml());
    }

    [Fact]
    public void Matching_ignores_case_and_marks_every_occurrence()
    {
        var highlight = Highlight.Mark("Orders_orders", ["ORDERS"]);

        Assert.Equal("<mark>Orders</mark>_<mark>orders</mark>", highlight.ToHtml());
    }
}
