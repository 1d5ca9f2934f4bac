namespace Catalog.Plugins.Descriptors;

/// <summary>Configuration section <c>Plugins:descriptors</c>. Defaults suit a git checkout of a service repository.</summary>
public sealed class DescriptorsOptions
{
    /// <summary>File name patterns read as descriptors.</summary>
    public string[] FilePatterns { get; set; } = ["*.yaml", "*.yml"];

    /// <summary>Folder names never walked into (besides hidden folders such as <c>.git</c>, which are always skipped).</summary>
    public string[] ExcludeDirectories { get; set; } = ["node_modules", "bin", "obj"];

    /// <summary>Files larger than this are reported and not read; descriptors are small, a huge YAML file is a mistake.</summary>
    public long MaxFileBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Follow Location targets (relative paths inside the harvest root); they are always checked.</summary>
    public bool FollowLocations { get; set; } = true;

    public IEnumerable<string> Validate()
    {
        if (FilePatterns.Length == 0) yield return "Plugins:descriptors:FilePatterns must list at least one pattern, such as *.yaml.";
        if (MaxFileBytes < 1024) yield return "Plugins:descriptors:MaxFileBytes must be at least 1024.";
    }
}
