namespace Catalog.Plugins.Descriptors.Locations;

/// <summary>
/// Finds descriptor files under a harvest root: every file matching the patterns, walking folders in ordinal order
/// (so runs are repeatable), skipping hidden folders (<c>.git</c>), excluded ones and folder symlinks (no cycles).
/// </summary>
public static class DescriptorTree
{
    public static IEnumerable<string> Files(string root, DescriptorsOptions options)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var file in SafeList(() => options.EffectiveFilePatterns.SelectMany(p => Directory.EnumerateFiles(directory, p)).Distinct().Order(StringComparer.Ordinal)))
                yield return file;
            var children = SafeList(() => Directory.EnumerateDirectories(directory).OrderDescending(StringComparer.Ordinal));
            foreach (var child in children)
            {
                var name = Path.GetFileName(child);
                if (name.StartsWith('.') || options.EffectiveExcludeDirectories.Contains(name, StringComparer.Ordinal)) continue;
                if (new DirectoryInfo(child).LinkTarget is not null) continue;
                pending.Push(child);
            }
        }
    }

    /// <summary>Path from the root with forward slashes: stable across machines, used as the input's location.</summary>
    public static string Relative(string root, string fullPath) => Path.GetRelativePath(root, fullPath).Replace('\\', '/');

    public static bool IsInside(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        return relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    private static List<string> SafeList(Func<IEnumerable<string>> list)
    {
        try { return list().ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }
}
