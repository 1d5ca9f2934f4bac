using Catalog.Testing;
using Catalog.Web.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catalog.Web.Tests.ReadModel;

/// <summary>
/// The home page's counts come from tables the database keeps in the writers' transactions (migration 0050). Each
/// test writes entities of a kind of its own, so the tests share one database without seeing each other's rows.
/// </summary>
public sealed class HomeStatisticsTests(CatalogWebFactory factory) : IClassFixture<CatalogWebFactory>
{
    [Fact]
    public async Task Entities_count_as_soon_as_the_inserting_transaction_commits()
    {
        await factory.ExecuteAsync("INSERT INTO entities (kind, namespace, name) VALUES ('counts-insert', 'a', 'one')");
        await factory.ExecuteAsync("INSERT INTO entities (kind, namespace, name) VALUES ('counts-insert', 'a', 'two'), ('counts-insert', 'a', 'three')");

        Assert.Equal(3, KindCount(await StatisticsAsync(), "counts-insert"));
    }

    [Fact]
    public async Task A_rolled_back_insert_leaves_the_counts_as_they_were()
    {
        await using var connection = await OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await new NpgsqlCommand("INSERT INTO entities (kind, namespace, name) VALUES ('counts-rollback', 'a', 'x')", connection, transaction).ExecuteNonQueryAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, KindCount(await StatisticsAsync(), "counts-rollback"));
    }

    [Fact]
    public async Task Changing_lifecycle_or_kind_moves_the_entity_between_counts()
    {
        await factory.ExecuteAsync("""
            INSERT INTO entities (kind, namespace, name) SELECT 'counts-move', 'a', 'e' || i FROM generate_series(1, 5) i
            """);
        await factory.ExecuteAsync("UPDATE entities SET lifecycle = 'deprecated' WHERE kind = 'counts-move' AND name = 'e1'");
        await factory.ExecuteAsync("UPDATE entities SET lifecycle = 'removed' WHERE kind = 'counts-move' AND name IN ('e2', 'e3')");
        await factory.ExecuteAsync("UPDATE entities SET kind = 'counts-moved' WHERE kind = 'counts-move' AND name = 'e4'");
        // An update that changes neither kind nor lifecycle must not count anything twice.
        await factory.ExecuteAsync("UPDATE entities SET title = 'touched' WHERE kind IN ('counts-move', 'counts-moved')");

        var statistics = await StatisticsAsync();
        Assert.Equal(2, KindCount(statistics, "counts-move")); // e1 (deprecated still shows) and e5
        Assert.Equal(1, KindCount(statistics, "counts-moved"));
    }

    [Fact]
    public async Task Deleted_entities_and_their_cascaded_edges_and_runs_leave_the_counts()
    {
        var before = await StatisticsAsync();
        await factory.ExecuteAsync("""
            INSERT INTO entities (kind, namespace, name) VALUES ('counts-delete', 'a', 'source'), ('counts-delete', 'a', 'target');
            INSERT INTO lineage_edges (from_id, to_id, edge_kind)
            SELECT s.id, t.id, 'derived_from' FROM entities s, entities t
            WHERE s.ref = 'counts-delete:a:source' AND t.ref = 'counts-delete:a:target';
            INSERT INTO column_lineage_edges (from_dataset_id, from_field, to_dataset_id, to_field)
            SELECT s.id, 'id', t.id, 'id' FROM entities s, entities t
            WHERE s.ref = 'counts-delete:a:source' AND t.ref = 'counts-delete:a:target';
            INSERT INTO runs (id, job_id, state, started_at)
            SELECT gen_random_uuid(), id, 'failed', now() - interval '1 hour' FROM entities WHERE ref = 'counts-delete:a:target';
            """);
        var added = await StatisticsAsync();
        await factory.ExecuteAsync("DELETE FROM entities WHERE ref = 'counts-delete:a:source'");
        var afterSource = await StatisticsAsync();
        await factory.ExecuteAsync("DELETE FROM entities WHERE ref = 'counts-delete:a:target'");
        var after = await StatisticsAsync();

        Assert.Equal(2, KindCount(added, "counts-delete"));
        Assert.Equal((before.LineageEdges + 1, before.ColumnLineageEdges + 1), (added.LineageEdges, added.ColumnLineageEdges));
        Assert.Equal((before.RunsLastDay + 1, before.FailedRunsLastDay + 1), (added.RunsLastDay, added.FailedRunsLastDay));
        Assert.Equal(1, KindCount(afterSource, "counts-delete"));
        Assert.Equal((before.LineageEdges, before.ColumnLineageEdges), (afterSource.LineageEdges, afterSource.ColumnLineageEdges));
        Assert.Equal(0, KindCount(after, "counts-delete"));
        Assert.Equal((before.RunsLastDay, before.FailedRunsLastDay), (after.RunsLastDay, after.FailedRunsLastDay));
    }

    [Fact]
    public async Task Removing_an_edge_without_deleting_it_takes_it_off_the_live_count()
    {
        await factory.ExecuteAsync("""
            INSERT INTO entities (kind, namespace, name) VALUES ('counts-edge', 'a', 'x'), ('counts-edge', 'a', 'y');
            INSERT INTO lineage_edges (from_id, to_id, edge_kind)
            SELECT s.id, t.id, 'reads' FROM entities s, entities t WHERE s.ref = 'counts-edge:a:x' AND t.ref = 'counts-edge:a:y';
            """);
        var before = await StatisticsAsync();
        await factory.ExecuteAsync("UPDATE lineage_edges SET removed_at = now() WHERE from_id = (SELECT id FROM entities WHERE ref = 'counts-edge:a:x')");
        var removed = await StatisticsAsync();
        await factory.ExecuteAsync("UPDATE lineage_edges SET removed_at = NULL WHERE from_id = (SELECT id FROM entities WHERE ref = 'counts-edge:a:x')");

        Assert.Equal(before.LineageEdges - 1, removed.LineageEdges);
        Assert.Equal(before.LineageEdges, (await StatisticsAsync()).LineageEdges);
    }

    [Fact]
    public async Task A_binary_copy_of_many_rows_is_counted_by_one_statement_trigger()
    {
        await using (var connection = await OpenAsync())
        await using (var copy = await connection.BeginBinaryImportAsync("COPY entities (kind, namespace, name, lifecycle) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < 20_000; i++)
                await copy.WriteRowAsync(default, "counts-copy", "bulk", $"t{i}", i % 10 == 0 ? "deleted" : "active");
            await copy.CompleteAsync();
        }

        Assert.Equal(18_000, KindCount(await StatisticsAsync(), "counts-copy"));
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM entity_count_deltas WHERE kind = 'counts-copy' AND lifecycle = 'active'"));
    }

    [Fact]
    public async Task Runs_of_the_last_24_hours_count_to_the_minute_not_to_the_hour()
    {
        await factory.ExecuteAsync("""
            INSERT INTO entities (kind, namespace, name) VALUES ('counts-runs', 'a', 'job');
            INSERT INTO runs (id, job_id, state, started_at)
            SELECT gen_random_uuid(), e.id, s.state, now() - s.age
            FROM entities e, (VALUES ('completed', interval '23 hours 59 minutes'), ('failed', interval '24 hours 1 minute'),
                                     ('failed', interval '10 minutes'), ('running', interval '1 minute'),
                                     ('completed', interval '25 hours')) s (state, age)
            WHERE e.ref = 'counts-runs:a:job';
            """);
        var statistics = await StatisticsAsync();

        // The window's first hour straddles the boundary: the run at 24 h 1 min is in its hour but outside the window.
        Assert.Equal(await ScalarAsync("SELECT count(*) FROM runs WHERE started_at >= now() - interval '1 day'"), statistics.RunsLastDay);
        Assert.Equal(await ScalarAsync("SELECT count(*) FROM runs WHERE started_at >= now() - interval '1 day' AND state = 'failed'"), statistics.FailedRunsLastDay);
        await factory.ExecuteAsync("UPDATE runs SET state = 'failed' WHERE state = 'running'");
        Assert.Equal(statistics.FailedRunsLastDay + 1, (await StatisticsAsync()).FailedRunsLastDay);
    }

    [Fact]
    public async Task Counts_equal_a_full_count_of_the_tables_before_and_after_compaction()
    {
        await factory.ExecuteAsync("""
            INSERT INTO entities (kind, namespace, name, lifecycle)
            SELECT 'counts-full', 'n' || (i % 7), 'e' || i, (ARRAY['active', 'deprecated', 'removed', 'deleted'])[1 + i % 4]
            FROM generate_series(1, 3000) i;
            INSERT INTO lineage_edges (from_id, to_id, edge_kind, removed_at)
            SELECT a.id, b.id, 'reads', CASE WHEN a.id % 5 = 0 THEN now() END
            FROM entities a JOIN entities b ON b.id = a.id + 1 WHERE a.kind = 'counts-full' AND b.kind = 'counts-full';
            DELETE FROM entities WHERE kind = 'counts-full' AND name LIKE 'e1%';
            UPDATE entities SET lifecycle = 'active' WHERE kind = 'counts-full' AND lifecycle = 'removed' AND name LIKE 'e2%';
            """);

        await AssertEqualsFullCountAsync(await StatisticsAsync());
        Assert.True(await ScalarAsync("SELECT count(*) FROM entity_count_deltas") > 1);
        await ScalarAsync("SELECT catalog_counts_compact(0)::int");
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM (SELECT 1 FROM entity_count_deltas GROUP BY kind, lifecycle HAVING count(*) > 1) d"));
        await AssertEqualsFullCountAsync(await StatisticsAsync());
    }

    private async Task AssertEqualsFullCountAsync(HomeStatistics statistics)
    {
        var kinds = new Dictionary<string, long>();
        await using (var connection = await OpenAsync())
        await using (var command = new NpgsqlCommand("SELECT kind, count(*) FROM entities WHERE lifecycle IN ('active', 'deprecated') GROUP BY kind", connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) kinds[reader.GetString(0)] = reader.GetInt64(1);

        Assert.Equal(kinds.OrderBy(k => k.Key), statistics.Kinds.ToDictionary(k => k.Kind, k => k.Count).OrderBy(k => k.Key));
        Assert.Equal(await ScalarAsync("SELECT count(*) FROM lineage_edges WHERE removed_at IS NULL"), statistics.LineageEdges);
        Assert.Equal(await ScalarAsync("SELECT count(*) FROM column_lineage_edges WHERE removed_at IS NULL"), statistics.ColumnLineageEdges);
    }

    private async Task<HomeStatistics> StatisticsAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogReader>().GetHomeStatisticsAsync(CancellationToken.None);
    }

    private static long KindCount(HomeStatistics statistics, string kind) =>
        statistics.Kinds.SingleOrDefault(k => k.Kind == kind)?.Count ?? 0;

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        return Convert.ToInt64(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync());
    }
}
