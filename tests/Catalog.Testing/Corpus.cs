namespace Catalog.Testing;

/// <summary>The shared corpus of real public metadata files: <c>../shared/corpus</c> relative to the repository root.</summary>
public static class Corpus
{
    public static string Root { get; } = Locate();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CATALOG_CORPUS");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        var root = Catalog.Storage.RepositoryPaths.FindRoot()
            ?? throw new InvalidOperationException("Tests must run inside the repository (Catalog.sln not found above the working directory).");
        var corpus = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "shared", "corpus"));
        return Directory.Exists(corpus) ? corpus
            : throw new DirectoryNotFoundException($"The corpus is expected at {corpus} (../shared/corpus from the repository root).");
    }
}
