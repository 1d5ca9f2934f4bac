namespace Catalog.Indexer.Tests.Descriptors;

/// <summary>A throwaway folder of descriptor files for edge cases no real file shows (loops, typos), deleted afterwards.</summary>
public sealed class TempTree : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("descriptors-").FullName;

    public TempTree With(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
