namespace Catalog.Plugins.Descriptors;

/// <summary>
/// Configuration section <c>Plugins:descriptors</c>. Defaults suit a git checkout of a service repository. List
/// settings are empty by default and mean "use the default list": the configuration binder appends configured items
/// to a non-empty default array, so a configured list could never replace it otherwise.
/// </summary>
public sealed class DescriptorsOptions
{
    public static readonly string[] DefaultFilePatterns = ["*.yaml", "*.yml"];
    public static readonly string[] DefaultExcludeDirectories = ["node_modules", "bin", "obj"];

    /// <summary>File name patterns read as descriptors; empty means <see cref="DefaultFilePatterns"/>.</summary>
    public string[] FilePatterns { get; set; } = [];

    /// <summary>Folder names never walked into (hidden folders such as <c>.git</c> never are); empty means <see cref="DefaultExcludeDirectories"/>.</summary>
    public string[] ExcludeDirectories { get; set; } = [];

    /// <summary>Files larger than this are reported and not read; descriptors are small, a huge YAML file is a mistake.</summary>
    public long MaxFileBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Follow Location targets (relative paths inside the harvest root); they are always checked.</summary>
    public bool FollowLocations { get; set; } = true;

    public IReadOnlyList<string> EffectiveFilePatterns => FilePatterns.Length > 0 ? FilePatterns : DefaultFilePatterns;

    public IReadOnlyList<string> EffectiveExcludeDirectories => ExcludeDirectories.Length > 0 ? ExcludeDirectories : DefaultExcludeDirectories;

    public IEnumerable<string> Validate()
    {
        if (FilePatterns.Any(string.IsNullOrWhiteSpace)) yield return "Plugins:descriptors:FilePatterns must not contain empty patterns.";
        if (MaxFileBytes < 1024) yield return "Plugins:descriptors:MaxFileBytes must be at least 1024.";
    }
}
