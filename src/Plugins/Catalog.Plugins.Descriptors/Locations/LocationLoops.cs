namespace Catalog.Plugins.Descriptors.Locations;

/// <summary>
/// Finds cycles in the graph "file declares a Location that targets file". Each file is read once whatever the
/// graph, so a loop cannot hang the harvest; it is still reported because it is almost always a mistake.
/// </summary>
public static class LocationLoops
{
    /// <summary>Each cycle once, as the list of files from its first to the file that closes it.</summary>
    public static List<List<string>> Find(IReadOnlyDictionary<string, List<string>> edges)
    {
        var cycles = new List<List<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // true: on the current path; false: finished
        var path = new List<string>();

        void Visit(string node)
        {
            state[node] = true;
            path.Add(node);
            foreach (var next in edges.GetValueOrDefault(node, []))
            {
                if (state.TryGetValue(next, out var onPath))
                {
                    if (!onPath) continue;
                    var cycle = path.Skip(path.IndexOf(next)).ToList();
                    if (seen.Add(string.Join("\n", cycle.Order(StringComparer.Ordinal)))) cycles.Add(cycle);
                    continue;
                }
                Visit(next);
            }
            path.RemoveAt(path.Count - 1);
            state[node] = false;
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
            if (!state.ContainsKey(node)) Visit(node);
        return cycles;
    }
}
