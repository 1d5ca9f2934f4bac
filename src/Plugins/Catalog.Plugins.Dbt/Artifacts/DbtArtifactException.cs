namespace Catalog.Plugins.Dbt.Artifacts;

/// <summary>An artifact that cannot be read at all: <see cref="Position"/> is a JSON path or a line/column.</summary>
public sealed class DbtArtifactException(string position, string message) : Exception(message)
{
    public string Position { get; } = position;
}
