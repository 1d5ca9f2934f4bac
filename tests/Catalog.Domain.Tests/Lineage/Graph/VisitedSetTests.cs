using Catalog.Domain.Lineage.Graph;

namespace Catalog.Domain.Tests.Lineage.Graph;

public class VisitedSetTests
{
    [Fact]
    public void A_node_is_added_once()
    {
        using var set = new VisitedSet(200);

        Assert.True(set.Add(130));
        Assert.False(set.Add(130));
        Assert.True(set.Contains(130));
        Assert.False(set.Contains(129));
    }

    [Fact]
    public void A_rented_set_starts_empty_even_after_a_previous_one_was_returned()
    {
        using (var first = new VisitedSet(1000))
            for (var i = 0; i < 1000; i++) first.Add(i);

        using var second = new VisitedSet(1000);
        Assert.All(Enumerable.Range(0, 1000), i => Assert.False(second.Contains(i)));
    }
}
