using Catalog.Domain.Entities;

namespace Catalog.Domain.Lineage;

/// <summary>A column of a dataset; string form <c>datasetField:namespace:name:field</c> as in Marquez.</summary>
public readonly record struct ColumnRef(EntityRef Dataset, string Field)
{
    public override string ToString() => $"datasetField:{Dataset.Namespace}:{Dataset.Name}:{Field}";
}
