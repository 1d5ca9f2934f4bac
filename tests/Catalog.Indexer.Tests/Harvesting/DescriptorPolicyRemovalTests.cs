using Catalog.Harvesting;
using Catalog.Indexer.Tests.Descriptors;
using Microsoft.Extensions.Logging.Abstractions;

namespace Catalog.Indexer.Tests.Harvesting;

public sealed class DescriptorPolicyRemovalTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    private static string Descriptor(string retention, string access) => $"""
        apiVersion: catalog.dev/v1
        kind: Dataset
        metadata:
          namespace: policyremoval
          name: shop.orders
        spec:
          platform: postgres
          owner: group:sales
        {retention}{access}
        """;

    private const string Retention = "  retention:\n    keepDays: 90\n";
    private const string BothGrants = "  access:\n    read: [group:analysts]\n    write: [group:sales]\n";
    private const string ReadOnly = "  access:\n    read: [group:analysts]\n";

    private Task<List<string>> GrantsAsync() => db.ColumnAsync("""
        SELECT g.origin || ' ' || g.permission || ' ' || g.principal_ref FROM access_grants g JOIN entities e ON e.id = g.entity_id
        WHERE e.ref = 'dataset:policyremoval:shop.orders' ORDER BY 1
        """);

    [Fact]
    public async Task Grants_and_retention_no_longer_declared_are_removed_but_portal_rows_are_kept()
    {
        using var tree = new TempTree().With("orders.yaml", Descriptor(Retention, BothGrants));
        var runner = new HarvestRunner([DescriptorHarvest.CreateHarvester()], db.Engine(), NullLogger<HarvestRunner>.Instance);
        var first = await runner.RunAsync("descriptors", tree.Root);
        Assert.True(first.ErrorCount == 0, string.Join("\n", first.Errors));
        await using (var portal = db.DataSource.CreateCommand("""
            INSERT INTO access_grants (entity_id, principal_ref, permission, origin, granted_by)
            SELECT id, 'group:default/sales', 'write', 'portal', 'user:default/owner' FROM entities WHERE ref = 'dataset:policyremoval:shop.orders';
            INSERT INTO retention_policies (scope, entity_id, mode, value, origin, updated_by)
            SELECT 'entity', id, 'keep_days', 30, 'portal', 'user:default/owner' FROM entities WHERE ref = 'dataset:policyremoval:shop.orders';
            """))
            await portal.ExecuteNonQueryAsync();
        Assert.Equal(3, (await GrantsAsync()).Count);

        tree.With("orders.yaml", Descriptor("", ReadOnly));
        var second = await runner.RunAsync("descriptors", tree.Root);

        Assert.True(second.ErrorCount == 0, string.Join("\n", second.Errors));
        var grants = await GrantsAsync();
        Assert.Equal(2, grants.Count);
        Assert.Contains(grants, g => g.StartsWith("descriptor read group:", StringComparison.Ordinal) && g.EndsWith("analysts", StringComparison.Ordinal));
        Assert.Contains(grants, g => g.StartsWith("portal write", StringComparison.Ordinal));
        Assert.Equal(["portal keep_days 30"], await db.ColumnAsync("""
            SELECT p.origin || ' ' || p.mode || ' ' || p.value FROM retention_policies p JOIN entities e ON e.id = p.entity_id
            WHERE e.ref = 'dataset:policyremoval:shop.orders'
            """));
    }
}
