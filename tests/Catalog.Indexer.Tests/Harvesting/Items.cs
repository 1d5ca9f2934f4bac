using System.Text;
using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Domain.Workflows;
using Catalog.Harvesting;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Harvesting;

/// <summary>Short ways to say "this input reports these items" in engine tests.</summary>
internal static class Items
{
    public static DatasetFound Dataset(string ns, string name, params string[] fields) => new(new Dataset
    {
        Entity = new CatalogEntity { Ref = EntityRef.Dataset(ns, name) },
        Fields = fields.Select(f => new SchemaField { Name = f, Type = "string" }).ToList(),
    });

    public static WorkflowFound Job(string ns, string name) => new(new Workflow { Entity = new CatalogEntity { Ref = EntityRef.Job(ns, name) } });

    public static LineageFound Edge(EntityRef from, EntityRef to, LineageEdgeKind kind) => new(new LineageEdge(from, to, kind));

    public static HarvestInput Input(string location, string content, HarvestMode mode = HarvestMode.Full) =>
        new(location, Encoding.UTF8.GetBytes(content)) { Mode = mode };

    /// <summary>Ingests one input through a run, as a harvester would, and returns the run's summary.</summary>
    public static async Task<HarvestRunSummary> HarvestAsync(this HarvestEngine engine, HarvestInput input, params HarvestItem[] items)
    {
        var run = await engine.StartRunAsync("test", input.Location);
        var batch = await run.BeginInputAsync(input, CancellationToken.None);
        if (batch is not null)
        {
            await using (batch)
            {
                foreach (var item in items) batch.Add(item);
                await batch.CommitAsync(CancellationToken.None);
            }
        }
        return await run.CompleteAsync();
    }
}
