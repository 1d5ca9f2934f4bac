namespace Catalog.Domain.Lineage;

/// <summary>
/// How two nodes of the lineage graph are connected. Jobs sit between datasets
/// (dataset —reads→ job —writes→ dataset) as in OpenLineage; sources without jobs
/// (dbt depends_on, database views) connect datasets directly with <see cref="DerivedFrom"/>.
/// Edges always point in the direction data flows.
/// </summary>
public enum LineageEdgeKind
{
    /// <summary>dataset → job: the job reads the dataset.</summary>
    Reads,
    /// <summary>job → dataset: the job writes the dataset.</summary>
    Writes,
    /// <summary>dataset → dataset: the target is computed from the source without a known job.</summary>
    DerivedFrom,
}
