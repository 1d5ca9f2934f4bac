namespace Catalog.Plugins.Avro.Parsing;

/// <summary>
/// A schema that is not valid Avro. <see cref="Path"/> is a JSON path into the document (<c>$.fields[1].type</c>)
/// or, for IDL, a line and column; the message says what was expected.
/// </summary>
public class AvroSchemaException(string path, string message) : Exception(message)
{
    public string Path { get; } = path;

    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>A reference to a named type that is not defined (yet): another file may define it.</summary>
public sealed class UnresolvedAvroTypeException(string path, string typeName)
    : AvroSchemaException(path, $"unknown type '{typeName}': it is neither a primitive nor a named type defined in this file or the other harvested files")
{
    public string TypeName { get; } = typeName;
}
