namespace Catalog.Storage;

/// <summary>Finds the repository a process runs from, for defaults such as the embedded cluster's folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The nearest folder holding Catalog.sln above the working directory or the binaries; null when deployed elsewhere.</summary>
    public static string? FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Catalog.sln"))) return dir.FullName;
        }
        return null;
    }

    /// <summary>Local state (the embedded cluster, caches): <c>.catalog/</c> in the repository, or in the working directory.</summary>
    public static string StateDirectory => Path.Combine(FindRoot() ?? Directory.GetCurrentDirectory(), ".catalog");
}
