using System.Text.Json;

namespace Catalog.Plugins.Avro.Schemas;

/// <summary>
/// A parsed Avro schema. Named types (record, enum, fixed) are reference-identical wherever they are used, so
/// recursive records form a cycle rather than an infinite tree; walkers track visited names.
/// </summary>
public abstract class AvroSchema
{
    /// <summary>The Avro type name: a primitive (<c>int</c>), <c>record</c>, <c>enum</c>, <c>array</c>…</summary>
    public abstract string Type { get; }

    /// <summary>A <c>logicalType</c> annotation (<c>timestamp-millis</c>, <c>decimal</c>…); it never changes resolution.</summary>
    public string? LogicalType { get; init; }

    /// <summary>Short human-readable type, used in field listings and change descriptions.</summary>
    public abstract string Describe();
}

public sealed class PrimitiveSchema(string type) : AvroSchema
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
        { "null", "boolean", "int", "long", "float", "double", "bytes", "string" };

    public override string Type { get; } = type;

    public override string Describe() => LogicalType is null ? Type : $"{Type} ({LogicalType})";
}

/// <summary>Record, enum and fixed: types with a full name that other schemas refer to.</summary>
public abstract class NamedSchema(AvroName name) : AvroSchema
{
    public AvroName Name { get; } = name;
    public string? Doc { get; init; }
    public IReadOnlyList<AvroName> Aliases { get; init; } = [];

    public override string Describe() => Name.FullName;

    /// <summary>Avro's name matching for resolution: equal unqualified names, or the reader lists the writer's name as an alias.</summary>
    public bool MatchesWriterName(NamedSchema writer) =>
        Name.Simple == writer.Name.Simple || Aliases.Any(a => a.Simple == writer.Name.Simple || a.FullName == writer.Name.FullName);
}

public sealed class RecordSchema(AvroName name, bool isError = false) : NamedSchema(name)
{
    public override string Type => IsError ? "error" : "record";
    public bool IsError { get; } = isError;

    /// <summary>Filled after construction so a field may refer to its own record (recursion).</summary>
    public List<AvroField> Fields { get; } = [];
}

public sealed class EnumSchema(AvroName name, IReadOnlyList<string> symbols) : NamedSchema(name)
{
    public override string Type => "enum";
    public IReadOnlyList<string> Symbols { get; } = symbols;
    /// <summary>The symbol a reader uses for a writer symbol it does not know (Avro 1.9+).</summary>
    public string? Default { get; init; }
}

public sealed class FixedSchema(AvroName name, int size) : NamedSchema(name)
{
    public override string Type => "fixed";
    public int Size { get; } = size;
}

public sealed class ArraySchema(AvroSchema items) : AvroSchema
{
    public override string Type => "array";
    public AvroSchema Items { get; } = items;
    public override string Describe() => $"array<{Items.Describe()}>";
}

public sealed class MapSchema(AvroSchema values) : AvroSchema
{
    public override string Type => "map";
    public AvroSchema Values { get; } = values;
    public override string Describe() => $"map<{Values.Describe()}>";
}

public sealed class UnionSchema(IReadOnlyList<AvroSchema> branches) : AvroSchema
{
    public override string Type => "union";
    public IReadOnlyList<AvroSchema> Branches { get; } = branches;
    public override string Describe() => $"union<{string.Join(", ", Branches.Select(b => b.Describe()))}>";
    public bool IsNullable => Branches.Any(b => b.Type == "null");
}

public sealed record AvroField(string Name, AvroSchema Schema)
{
    public string? Doc { get; init; }
    /// <summary>The default as written (a JSON value); null when the field has none. A JSON null default is a JsonElement of kind Null.</summary>
    public JsonElement? Default { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? Order { get; init; }
}
