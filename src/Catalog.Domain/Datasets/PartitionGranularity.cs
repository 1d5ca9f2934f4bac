namespace Catalog.Domain.Datasets;

/// <summary>How a dataset is partitioned in time. Lateness and retention reason in these units.</summary>
public enum PartitionGranularity
{
    None,
    Hourly,
    Daily,
}
