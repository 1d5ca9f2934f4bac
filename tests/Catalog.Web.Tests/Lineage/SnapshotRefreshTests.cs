using Catalog.Plugins.Lineage.Queries;

namespace Catalog.Web.Tests.Lineage;

/// <summary>The in-memory snapshot follows PostgreSQL through deltas: inserts, removals, deletes, new entities.</summary>
public sealed class SnapshotRefreshTests(SnapshotLineageWebFactory factory) : IClassFixture<SnapshotLineageWebFactory>
{
    private readonly HttpClient client = factory.ClientFor("vera");

    private async Task<IReadOnlyCollection<string>> NeighboursAsync(string nodeId)
    {
        var response = await client.GetAsync(Json.Url("/api/v1/lineage", ("nodeId", nodeId), ("depth", 1), ("direction", "downstream")));
        Assert.Equal("snapshot", response.Headers.GetValues("X-Lineage-Engine").Single());
        var body = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        return Json.Nodes(body).Keys.Where(k => k != nodeId).Order().ToList();
    }

    [Fact]
    public async Task New_removed_and_deleted_edges_reach_the_snapshot_on_refresh_without_a_full_reload()
    {
        await factory.Data.JobAsync("job:fresh:load", ["dataset:fresh:a"], ["dataset:fresh:b"]);
        var first = await factory.Snapshot.RefreshAsync();
        Assert.Equal(["job:fresh:load"], await NeighboursAsync("dataset:fresh:a"));

        await factory.Data.JobAsync("job:fresh:copy", ["dataset:fresh:a"], ["dataset:fresh:c"]);
        await factory.Data.RemoveEdgeAsync("dataset:fresh:a", "job:fresh:load");
        var second = await factory.Snapshot.RefreshAsync();
        Assert.Equal(["job:fresh:copy"], await NeighboursAsync("dataset:fresh:a"));

        await factory.Data.DeleteEdgeAsync("dataset:fresh:a", "job:fresh:copy");
        await factory.Data.EdgeAsync("dataset:fresh:a", "job:fresh:load", "reads");
        var third = await factory.Snapshot.RefreshAsync();
        Assert.Equal(["job:fresh:load"], await NeighboursAsync("dataset:fresh:a"));

        Assert.Equal(first!.FullyLoadedAt, third!.FullyLoadedAt);
        Assert.True(second!.SinceXid >= first.SinceXid);
    }

    [Fact]
    public async Task Touching_last_seen_of_an_unchanged_edge_is_not_a_change()
    {
        await factory.Data.JobAsync("job:touch:j", ["dataset:touch:in"], ["dataset:touch:out"]);
        var before = await factory.Snapshot.RefreshAsync();

        await factory.Data.ExecuteAsync("UPDATE lineage_edges SET last_seen = now() + interval '1 hour'");
        var after = await factory.Snapshot.RefreshAsync();

        Assert.Same(before!.Graph, after!.Graph);
    }

    [Fact]
    public async Task The_sql_engine_and_the_snapshot_agree_on_a_graph_with_a_diamond_and_a_cycle()
    {
        await factory.Data.JobAsync("job:agree:split", ["dataset:agree:src"], ["dataset:agree:left", "dataset:agree:right"]);
        await factory.Data.JobAsync("job:agree:join", ["dataset:agree:left", "dataset:agree:right"], ["dataset:agree:sink"]);
        await factory.Data.JobAsync("job:agree:loop", ["dataset:agree:sink"], ["dataset:agree:src"]);
        await factory.Snapshot.RefreshAsync();
        var sql = (SqlTopology)Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SqlTopology>(factory.Services);
        var snapshot = new SnapshotTopology(factory.Snapshot.Current!);
        var src = await IdOfAsync("dataset:agree:src");

        foreach (var depth in new[] { 1, 2, 3, 5, 8 })
        {
            var request = new TraversalRequest(Domain.Lineage.Graph.LineageDirection.Both, depth, null, 1000);
            var fromSql = await sql.TraverseAsync(src, request, default);
            var fromSnapshot = await snapshot.TraverseAsync(src, request, default);
            Assert.Equal(fromSnapshot.Upstream, fromSql.Upstream);
            Assert.Equal(fromSnapshot.Downstream, fromSql.Downstream);
            Assert.Equal(fromSnapshot.Edges.Order(), fromSql.Edges.Order());
        }
    }

    private async Task<long> IdOfAsync(string reference)
    {
        await using var connection = new Npgsql.NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT id FROM entities WHERE ref = @r", connection);
        command.Parameters.AddWithValue("r", reference);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
