namespace Catalog.Plugins.Avro;

/// <summary>Configuration of the Avro harvester, bound from <c>Plugins:avro</c>.</summary>
public sealed class AvroOptions
{
    public const string Section = "Plugins:avro";

    /// <summary>Catalog namespace for records that have no Avro namespace. Default <c>avro</c>.</summary>
    public string DefaultNamespace { get; set; } = "avro";

    /// <summary>File extensions harvested from a directory. Default <c>.avsc</c>, <c>.avpr</c>, <c>.avdl</c>.</summary>
    public string[] Extensions { get; set; } = [".avsc", ".avpr", ".avdl"];
}
