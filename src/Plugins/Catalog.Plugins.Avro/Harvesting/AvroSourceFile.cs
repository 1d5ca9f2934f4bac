using Catalog.Plugins.Avro.Parsing;
using Catalog.Plugins.Avro.Schemas;

namespace Catalog.Plugins.Avro.Harvesting;

/// <summary>One schema file and what became of it: a schema, a protocol, or a precise error.</summary>
public sealed class AvroSourceFile(string path, string location, ReadOnlyMemory<byte> content, bool harvested)
{
    public string Path { get; } = path;
    /// <summary>The harvest location (the file's full path): the key for change detection and stale removal.</summary>
    public string Location { get; } = location;
    public ReadOnlyMemory<byte> Content { get; } = content;
    /// <summary>False for files read only to resolve named types that a harvested file refers to.</summary>
    public bool Harvested { get; } = harvested;

    public AvroSchema? Schema { get; set; }
    public AvroProtocol? Protocol { get; set; }
    public AvroSchemaException? Error { get; set; }
    public string? Warning { get; set; }

    public bool IsIdl => Path.EndsWith(".avdl", StringComparison.OrdinalIgnoreCase);
    public bool IsProtocolFile => Path.EndsWith(".avpr", StringComparison.OrdinalIgnoreCase) || IsIdl;
}
