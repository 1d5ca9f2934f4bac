using Npgsql;

namespace Catalog.Web.Tests.Search;

/// <summary>
/// Runs, partitions and lineage move an entity's popularity; the triggers rewrite its search document only when the
/// kept value (one decimal) changes, so an hourly job's every run does not rewrite every index entry of its document.
/// </summary>
public sealed class SearchPopularityTriggerTests : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;
    private TestCatalog catalog = null!;

    public async Task InitializeAsync()
    {
        dataSource = NpgsqlDataSource.Create(await PostgresServer.CreateDatabaseAsync("search_popularity"));
        catalog = new TestCatalog(dataSource);
    }

    [Fact]
    public async Task A_run_that_leaves_the_rounded_popularity_unchanged_does_not_rewrite_the_document()
    {
        var job = await catalog.AddAsync("job", "scheduler", "load_plays_hourly");
        await AddRunsAsync(job, 20); // 0.5 × ln(21) = 1.52
        var (popularity, version) = await DocumentAsync(job);
        Assert.Equal(1.5f, popularity);

        await AddRunsAsync(job, 1); // 0.5 × ln(22) = 1.55: still 1.5
        Assert.Equal((1.5f, version), await DocumentAsync(job));

        await AddRunsAsync(job, 10); // 0.5 × ln(32) = 1.73
        var (after, newVersion) = await DocumentAsync(job);
        Assert.Equal(1.7f, after);
        Assert.NotEqual(version, newVersion);
    }

    [Fact]
    public async Task A_new_downstream_consumer_raises_the_popularity_of_its_source()
    {
        var source = await catalog.AddAsync("dataset", "warehouse", "listening.plays");
        Assert.Equal(0f, (await DocumentAsync(source)).Popularity);

        await catalog.AddEdgeAsync(source, await catalog.AddAsync("job", "scheduler", "sessionize_plays"), "reads");

        Assert.Equal(0.7f, (await DocumentAsync(source)).Popularity); // ln(2) = 0.69
    }

    private async Task AddRunsAsync(long job, int count)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO runs (id, job_id, state, started_at)
            SELECT gen_random_uuid(), @job, 'completed', now() - make_interval(mins => n) FROM generate_series(1, @count) n
            """);
        command.Parameters.AddWithValue("job", job);
        command.Parameters.AddWithValue("count", count);
        await command.ExecuteNonQueryAsync();
    }

    // xmin changes whenever the row is rewritten.
    private async Task<(float Popularity, string Version)> DocumentAsync(long id)
    {
        await using var command = dataSource.CreateCommand("SELECT popularity, xmin::text FROM search_documents WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetFloat(0), reader.GetString(1));
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();
}
