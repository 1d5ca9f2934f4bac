using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Domain.Workflows;

namespace Catalog.Domain.Lineage.Runs;

/// <summary>
/// Run-level lineage of one partition: which run of which workflow wrote it, and which version (partition) of
/// each input was the latest when that run started. <see cref="Run"/> is null when no run is recorded.
/// </summary>
public sealed record PartitionProvenance(EntityRef Dataset, Partition Partition, Run? Run, IReadOnlyList<InputVersion> Inputs);

/// <summary>An input of the producing run and its latest partition at the run's start; null when none existed yet.</summary>
public sealed record InputVersion(EntityRef Dataset, Partition? Partition);
