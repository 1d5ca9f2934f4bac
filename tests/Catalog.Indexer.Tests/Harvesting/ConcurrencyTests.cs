using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Harvesting;

public sealed class ConcurrencyTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    [Fact]
    public async Task Two_engines_harvesting_the_same_inputs_in_parallel_neither_duplicate_nor_lose_work()
    {
        // Two engines with their own connection pools stand in for two indexer processes on one database.
        await using var otherProcess = Npgsql.NpgsqlDataSource.Create(db.ConnectionString);
        var engines = new[] { db.Engine(), new Catalog.Harvesting.HarvestEngine(otherProcess, Microsoft.Extensions.Options.Options.Create(new Catalog.Harvesting.HarvestingOptions())) };
        const int Inputs = 20;

        var summaries = await Task.WhenAll(engines.Select(engine => Task.Run(async () =>
        {
            var run = await engine.StartRunAsync("test", "concurrent");
            await Parallel.ForEachAsync(Enumerable.Range(0, Inputs), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            {
                // Every input shares the hub dataset, so batches contend for the same rows.
                var batch = await run.BeginInputAsync(Items.Input($"concurrent/{i}.json", $"content {i}"), ct);
                if (batch is null) return;
                await using (batch)
                {
                    batch.Add(Items.Dataset("conc", $"table_{i}", "id"));
                    batch.Add(Items.Dataset("conc", "hub", "id"));
                    batch.Add(Items.Edge(EntityRef.Dataset("conc", "hub"), EntityRef.Dataset("conc", $"table_{i}"), LineageEdgeKind.DerivedFrom));
                    await batch.CommitAsync(ct);
                }
            });
            return await run.CompleteAsync();
        })));

        Assert.All(summaries, s => Assert.Equal(0, s.ErrorCount));
        // Two runs of one target: neither may take a file the other processed for deleted.
        Assert.All(summaries, s => Assert.Equal(0, s.EntitiesRemoved));
        // Each input was applied by exactly one engine; the other saw it unchanged (before or under the location lock).
        Assert.Equal(Inputs, summaries.Sum(s => s.InputsSeen - s.InputsSkipped));
        Assert.Equal(Inputs + 1L, await db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE namespace = 'conc'"));
        Assert.Equal((long)Inputs, await db.ScalarAsync<long>("SELECT count(*) FROM lineage_edges l JOIN entities e ON e.id = l.from_id WHERE e.ref = 'dataset:conc:hub'"));
        Assert.Equal((long)Inputs, await db.ScalarAsync<long>("SELECT count(*) FROM harvest_inputs WHERE location LIKE 'concurrent/%'"));
        Assert.Equal((long)Inputs, await db.ScalarAsync<long>("SELECT count(*) FROM raw_inputs WHERE location LIKE 'concurrent/%' AND status = 'processed'"));
    }
}
