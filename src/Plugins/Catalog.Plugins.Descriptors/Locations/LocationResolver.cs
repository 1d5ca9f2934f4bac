using Catalog.Plugins.Descriptors.Yaml;

namespace Catalog.Plugins.Descriptors.Locations;

/// <summary>
/// Resolves a Location's targets against the folder of the file that declares them. Targets must be relative paths
/// inside the harvest root; a glob in the last segment (<c>./teams/*.yaml</c>) is expanded. A URL, a path outside the
/// root or a missing file is reported on the target's line and not followed; the Location itself still lands.
/// </summary>
public static class LocationResolver
{
    public static List<string> Resolve(string root, string declaringFile, LocationTarget target, List<DescriptorProblem> notes)
    {
        var text = target.Target.Trim();
        void Note(string message) => notes.Add(new DescriptorProblem((int)target.At.Line, (int)target.At.Column, target.Field, message));

        if (text.Contains("://", StringComparison.Ordinal))
        {
            Note($"'{text}' is a URL: this harvester reads local files only; harvest a checkout of that repository instead");
            return [];
        }
        var folder = Path.GetDirectoryName(declaringFile)!;
        var full = Path.GetFullPath(Path.Combine(folder, text));
        if (!DescriptorTree.IsInside(root, full))
        {
            Note($"'{text}' points outside the harvest root ({root}): expected a path inside it; not followed");
            return [];
        }
        var name = Path.GetFileName(full);
        if (name.Contains('*') || name.Contains('?'))
        {
            var directory = Path.GetDirectoryName(full)!;
            var matches = Directory.Exists(directory) ? Directory.EnumerateFiles(directory, name).Order(StringComparer.Ordinal).ToList() : [];
            if (matches.Count == 0) Note($"'{text}' matches no file (looked in {DescriptorTree.Relative(root, directory)})");
            return matches;
        }
        if (File.Exists(full)) return [full];
        Note(Directory.Exists(full)
            ? $"'{text}' is a folder: expected a file (or a pattern such as {text.TrimEnd('/')}/*.yaml)"
            : $"'{text}' does not exist (resolved to {DescriptorTree.Relative(root, full)})");
        return [];
    }
}
