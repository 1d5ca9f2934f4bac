namespace Catalog.Plugins.Harvesting;

/// <summary>
/// Reads one kind of source (OpenLineage files, dbt artifacts, a live database…) and reports what it finds to the
/// sink as typed items. A harvester never writes to the store itself and never throws for bad input: a malformed
/// file becomes a <see cref="HarvestError"/> and the rest of the batch still lands.
/// </summary>
public interface IHarvester
{
    /// <summary>Short, stable name used on the command line: <c>catalog-indexer harvest {Kind} &lt;target&gt;</c>.</summary>
    string Kind { get; }

    /// <summary>One line for <c>--help</c> and the harvest-runs page.</summary>
    string Description { get; }

    Task HarvestAsync(HarvestContext context, CancellationToken cancellationToken);
}
