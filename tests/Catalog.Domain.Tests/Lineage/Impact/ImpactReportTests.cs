using Catalog.Domain.Lineage.Graph;
using Catalog.Domain.Lineage.Impact;
using Catalog.Domain.Tests.Lineage.Graph;

namespace Catalog.Domain.Tests.Lineage.Impact;

public class ImpactReportTests
{
    [Fact]
    public void Impact_reports_every_downstream_dataset_through_jobs_with_depth()
    {
        var g = new TestGraph("src>j1 j1>a j1>b b>j2 j2>c c>j3 j3>b up>j0 j0>src");
        bool IsDataset(int n) => !g.Name(n).StartsWith('j');

        var impacted = ImpactAnalysis.Downstream(g.Graph, g["src"], IsDataset);

        Assert.Equal("a@2 b@2 c@4", g.Names(impacted));
    }

    [Fact]
    public void Impact_respects_a_depth_limit()
    {
        var g = new TestGraph("src>j1 j1>a a>j2 j2>b");

        var impacted = ImpactAnalysis.Downstream(g.Graph, g["src"], n => !g.Name(n).StartsWith('j'), maxDepth: 2);

        Assert.Equal("a@2", g.Names(impacted));
    }

    [Fact]
    public void Owners_of_the_nearest_endpoints_come_first_then_unowned_then_restricted()
    {
        var report = ImpactReport.Create("dataset:ns:src",
        [
            new("dataset:ns:far", "dataset", null, "group:default:analytics", 6),
            new("dataset:ns:near", "dataset", null, "group:default:finance", 2),
            new("dataset:ns:also-finance", "dataset", null, "group:default:finance", 4),
            new("dataset:ns:orphan", "dataset", null, null, 2),
            new(null, "dataset", null, null, 2),
            new("dataset:ns:analytics-2", "dataset", null, "group:default:analytics", 8),
        ]);

        Assert.Equal(["group:default:finance", "group:default:analytics"], report.OwnersToNotify);
        Assert.Equal([2, 2], report.ByOwner[0].Endpoints.Select(e => e.Depth).Take(1).Append(report.ByOwner[0].NearestDepth));
        Assert.Equal(2, report.ByOwner[1].Endpoints.Count);
        Assert.True(report.ByOwner[2].IsUnowned);
        Assert.True(report.ByOwner[3].Endpoints.Single().Restricted);
        Assert.Equal(1, report.RestrictedCount);
        Assert.Equal("dataset:ns:near", report.Endpoints[0].Ref);
    }

    [Fact]
    public void No_downstream_endpoints_gives_an_empty_report()
    {
        var report = ImpactReport.Create("dataset:ns:leaf", []);

        Assert.Empty(report.Endpoints);
        Assert.Empty(report.OwnersToNotify);
    }
}
