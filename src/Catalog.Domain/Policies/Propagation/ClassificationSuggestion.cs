using Catalog.Domain.Lineage;

namespace Catalog.Domain.Policies.Propagation;

/// <summary>
/// A downstream column probably holds data as sensitive as <see cref="Because"/>: owners accept or reject it.
/// <see cref="Hops"/> counts column-lineage edges between the two.
/// </summary>
public sealed record ClassificationSuggestion(ColumnRef Column, Classification Suggested, ColumnRef Because, int Hops);
