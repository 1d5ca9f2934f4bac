using Catalog.Domain.Lineage;

namespace Catalog.Domain.Policies.Propagation;

/// <summary>
/// Follows column lineage downstream from classified columns and suggests the same classification where a
/// downstream column is classified lower. Only edges that copy values (DIRECT, or type unknown) propagate:
/// a column used to filter or join (INDIRECT) does not put its values into the target.
/// </summary>
public static class ClassificationPropagation
{
    /// <summary>Below this, classifications are not worth an owner's attention (internal is the default).</summary>
    public const Classification Minimum = Classification.Confidential;

    public static IReadOnlyList<ClassificationSuggestion> Suggest(
        IReadOnlyDictionary<ColumnRef, Classification> known,
        IEnumerable<ColumnLineageEdge> edges,
        int maxHops = 50)
    {
        var downstream = edges.Where(CopiesValues).ToLookup(e => e.From, e => e.To);
        // Best suggestion per column: the highest classification, then the fewest hops.
        var best = new Dictionary<ColumnRef, ClassificationSuggestion>();
        foreach (var (source, classification) in known.Where(k => k.Value >= Minimum))
        {
            var visited = new HashSet<ColumnRef> { source };
            var frontier = new Queue<(ColumnRef Column, int Hops)>();
            frontier.Enqueue((source, 0));
            while (frontier.TryDequeue(out var current))
            {
                if (current.Hops >= maxHops) continue;
                foreach (var next in downstream[current.Column])
                {
                    if (!visited.Add(next)) continue;
                    frontier.Enqueue((next, current.Hops + 1));
                    var existing = known.TryGetValue(next, out var c) ? c : (Classification?)null;
                    if (existing >= classification) continue;
                    var candidate = new ClassificationSuggestion(next, classification, source, current.Hops + 1);
                    if (!best.TryGetValue(next, out var previous) || IsBetter(candidate, previous))
                        best[next] = candidate;
                }
            }
        }
        return best.Values.OrderBy(s => s.Column.ToString(), StringComparer.Ordinal).ToList();
    }

    private static bool CopiesValues(ColumnLineageEdge edge) =>
        edge.TransformationType is null || edge.TransformationType.Equals("DIRECT", StringComparison.OrdinalIgnoreCase);

    private static bool IsBetter(ClassificationSuggestion candidate, ClassificationSuggestion previous) =>
        candidate.Suggested > previous.Suggested || (candidate.Suggested == previous.Suggested && candidate.Hops < previous.Hops);
}
