using System.Security.Cryptography;
using Catalog.Harvesting;
using Catalog.Plugins.Harvesting;
using Catalog.Plugins.OpenLineage.Files;

namespace Catalog.Plugins.OpenLineage.Api;

/// <summary>
/// The ingest path of a pushed OpenLineage body (one event, an array or newline-delimited events): stored as a raw
/// input, read by <see cref="EventBatchReader"/>, applied in one transaction. <c>POST /api/v1/lineage</c> and
/// in-process producers (the sample catalog's simulated scheduler) both come through here.
/// </summary>
public static class OpenLineageIngest
{
    /// <param name="pushedBy">The token or user that pushed the body (its namespaces bind what it may write); null for an in-process producer.</param>
    public static Task<IngestResult> PushAsync(IHarvestService harvest, byte[] body, HarvestPusher? pushedBy, CancellationToken cancellationToken)
    {
        // Identical bodies share a location, so a client's retry is recognised as unchanged instead of applied twice.
        var location = $"api/v1/lineage/{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}";
        var input = new HarvestInput(location, body) { Mode = HarvestMode.Delta, PushedBy = pushedBy };
        return harvest.IngestAsync(OpenLineageFileHarvester.HarvesterKind, input,
            async (batch, ct) => await EventBatchReader.ReadAsync(input, batch, ct), cancellationToken);
    }
}
