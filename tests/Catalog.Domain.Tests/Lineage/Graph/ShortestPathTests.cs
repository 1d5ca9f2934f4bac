using Catalog.Domain.Lineage.Graph;

namespace Catalog.Domain.Tests.Lineage.Graph;

public class ShortestPathTests
{
    private static string? Path(TestGraph g, string from, string to, int maxLength = 100) =>
        ShortestPath.Find(g.Graph, g[from], g[to], maxLength) is { } path ? string.Join(">", path.Select(g.Name)) : null;

    [Fact]
    public void Finds_the_shorter_of_two_routes()
    {
        var g = new TestGraph("a>b b>c c>d d>e a>x x>e");

        Assert.Equal("a>x>e", Path(g, "a", "e"));
    }

    [Fact]
    public void Follows_the_flow_of_data_only()
    {
        var g = new TestGraph("a>b b>c");

        Assert.Equal("a>b>c", Path(g, "a", "c"));
        Assert.Null(Path(g, "c", "a"));
    }

    [Fact]
    public void Cycles_do_not_prevent_termination_when_there_is_no_path()
    {
        var g = new TestGraph("a>b b>c c>a x>y");

        Assert.Null(Path(g, "a", "y"));
        Assert.Equal("b>c>a", Path(g, "b", "a"));
    }

    [Fact]
    public void A_path_longer_than_the_limit_is_not_reported()
    {
        var g = new TestGraph("a>b b>c c>d d>e");

        Assert.Null(Path(g, "a", "e", maxLength: 3));
        Assert.Equal("a>b>c>d>e", Path(g, "a", "e", maxLength: 4));
    }

    [Fact]
    public void Path_from_a_node_to_itself_is_the_node()
    {
        var g = new TestGraph("a>b");

        Assert.Equal("a", Path(g, "a", "a"));
    }

    [Fact]
    public void Meets_in_the_middle_of_a_long_chain_with_a_wide_fan_out()
    {
        var edges = string.Join(" ", Enumerable.Range(0, 30).Select(i => $"n{i}>n{i + 1}"))
            + " " + string.Join(" ", Enumerable.Range(0, 200).Select(i => $"n0>f{i} f{i}>n29"));
        var g = new TestGraph(edges);

        Assert.Equal(4, ShortestPath.Find(g.Graph, g["n0"], g["n30"])!.Count);
        Assert.StartsWith("n0>f", Path(g, "n0", "n30"));
        Assert.EndsWith(">n29>n30", Path(g, "n0", "n30"));
    }
}
