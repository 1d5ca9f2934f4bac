using System.Text.Json;
using Catalog.Plugins.Avro.Schemas;

namespace Catalog.Plugins.Avro.Parsing;

/// <summary>
/// Parses Avro JSON schemas (the specification's rules, not one library's leniencies) into <see cref="AvroSchema"/>.
/// Named types defined while parsing are collected in <see cref="Defined"/>; references to names not defined here
/// are looked up in <paramref name="external"/> (types from other files), so multi-file schemas resolve.
/// </summary>
public sealed class AvroSchemaParser(Func<string, NamedSchema?>? external = null)
{
    private readonly Dictionary<string, NamedSchema> defined = new(StringComparer.Ordinal);

    /// <summary>Named types defined by the documents this parser has read, in definition order.</summary>
    public IReadOnlyDictionary<string, NamedSchema> Defined => defined;

    public List<NamedSchema> DefinitionOrder { get; } = [];

    public AvroSchema Parse(JsonElement element, string path = "$", string? enclosingNamespace = null) =>
        ParseType(element, path, enclosingNamespace);

    private AvroSchema ParseType(JsonElement element, string path, string? ns)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return ResolveReference(element.GetString()!, path, ns);
            case JsonValueKind.Array:
                return ParseUnion(element, path, ns);
            case JsonValueKind.Object:
                return ParseObject(element, path, ns);
            default:
                throw new AvroSchemaException(path, $"expected a type name (string), a union (array) or a schema object, got {Describe(element)}");
        }
    }

    private AvroSchema ResolveReference(string name, string path, string? ns)
    {
        if (PrimitiveSchema.Names.Contains(name)) return new PrimitiveSchema(name);
        var qualified = AvroName.Resolve(name, null, ns).FullName;
        if (defined.TryGetValue(qualified, out var local)) return local;
        if (defined.TryGetValue(name, out var bare)) return bare;
        var found = external?.Invoke(qualified) ?? (qualified == name ? null : external?.Invoke(name));
        return found ?? throw new UnresolvedAvroTypeException(path, name);
    }

    private UnionSchema ParseUnion(JsonElement element, string path, string? ns)
    {
        var branches = new List<AvroSchema>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var branchPath = $"{path}[{index++}]";
            var branch = ParseType(item, branchPath, ns);
            if (branch is UnionSchema) throw new AvroSchemaException(branchPath, "a union may not directly contain another union");
            var key = branch is NamedSchema named ? named.Name.FullName : branch.Type;
            if (!seen.Add(key)) throw new AvroSchemaException(branchPath, $"the union already has a branch of type '{key}'");
            branches.Add(branch);
        }
        return new UnionSchema(branches);
    }

    private AvroSchema ParseObject(JsonElement element, string path, string? ns)
    {
        if (!element.TryGetProperty("type", out var typeElement))
            throw new AvroSchemaException(path, "a schema object needs a \"type\" attribute");
        var logicalType = OptionalString(element, "logicalType", path);
        if (typeElement.ValueKind != JsonValueKind.String)
            return ParseType(typeElement, $"{path}.type", ns); // {"type": {...}} or {"type": [...]}: a wrapped schema
        var type = typeElement.GetString()!;
        return type switch
        {
            "record" or "error" => ParseRecord(element, path, ns, type == "error"),
            "enum" => ParseEnum(element, path, ns),
            "fixed" => ParseFixed(element, path, ns, logicalType),
            "array" => new ArraySchema(ParseType(Required(element, "items", path), $"{path}.items", ns)) { LogicalType = logicalType },
            "map" => new MapSchema(ParseType(Required(element, "values", path), $"{path}.values", ns)) { LogicalType = logicalType },
            _ when PrimitiveSchema.Names.Contains(type) => new PrimitiveSchema(type) { LogicalType = logicalType },
            _ => ResolveReference(type, $"{path}.type", ns),
        };
    }

    private RecordSchema ParseRecord(JsonElement element, string path, string? ns, bool isError)
    {
        var name = ParseName(element, path, ns);
        var record = new RecordSchema(name, isError)
        {
            Doc = OptionalString(element, "doc", path),
            Aliases = ParseAliases(element, path, name.Namespace),
        };
        Define(record, path);
        var fields = Required(element, "fields", path);
        if (fields.ValueKind != JsonValueKind.Array)
            throw new AvroSchemaException($"{path}.fields", $"expected an array of fields, got {Describe(fields)}");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var field in fields.EnumerateArray())
        {
            var fieldPath = $"{path}.fields[{index++}]";
            if (field.ValueKind != JsonValueKind.Object)
                throw new AvroSchemaException(fieldPath, $"expected a field object, got {Describe(field)}");
            var fieldName = RequiredString(field, "name", fieldPath);
            if (!AvroName.IsValidPart(fieldName))
                throw new AvroSchemaException($"{fieldPath}.name", $"'{fieldName}' is not a valid Avro name (letters, digits and _; not starting with a digit)");
            if (!names.Add(fieldName)) throw new AvroSchemaException($"{fieldPath}.name", $"the record already has a field named '{fieldName}'");
            var fieldType = ParseType(Required(field, "type", fieldPath), $"{fieldPath}.type", name.Namespace);
            record.Fields.Add(new AvroField(fieldName, fieldType)
            {
                Doc = OptionalString(field, "doc", fieldPath),
                Default = field.TryGetProperty("default", out var d) ? d.Clone() : null,
                Aliases = StringArray(field, "aliases", fieldPath),
                Order = OptionalString(field, "order", fieldPath),
            });
        }
        return record;
    }

    private EnumSchema ParseEnum(JsonElement element, string path, string? ns)
    {
        var name = ParseName(element, path, ns);
        var symbolsElement = Required(element, "symbols", path);
        if (symbolsElement.ValueKind != JsonValueKind.Array)
            throw new AvroSchemaException($"{path}.symbols", $"expected an array of symbol names, got {Describe(symbolsElement)}");
        var symbols = StringArray(element, "symbols", path);
        var duplicate = symbols.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new AvroSchemaException($"{path}.symbols", $"symbol '{duplicate.Key}' appears more than once");
        var invalid = symbols.FirstOrDefault(s => !AvroName.IsValidPart(s));
        if (invalid is not null) throw new AvroSchemaException($"{path}.symbols", $"'{invalid}' is not a valid enum symbol");
        var schema = new EnumSchema(name, symbols)
        {
            Doc = OptionalString(element, "doc", path),
            Aliases = ParseAliases(element, path, name.Namespace),
            Default = OptionalString(element, "default", path),
        };
        if (schema.Default is not null && !symbols.Contains(schema.Default))
            throw new AvroSchemaException($"{path}.default", $"the enum default '{schema.Default}' is not one of its symbols");
        Define(schema, path);
        return schema;
    }

    private FixedSchema ParseFixed(JsonElement element, string path, string? ns, string? logicalType)
    {
        var name = ParseName(element, path, ns);
        var sizeElement = Required(element, "size", path);
        if (sizeElement.ValueKind != JsonValueKind.Number || !sizeElement.TryGetInt32(out var size) || size < 0)
            throw new AvroSchemaException($"{path}.size", $"expected a non-negative integer size, got {Describe(sizeElement)}");
        var schema = new FixedSchema(name, size) { LogicalType = logicalType, Aliases = ParseAliases(element, path, name.Namespace), Doc = OptionalString(element, "doc", path) };
        Define(schema, path);
        return schema;
    }

    private AvroName ParseName(JsonElement element, string path, string? ns)
    {
        var raw = RequiredString(element, "name", path);
        var name = AvroName.Resolve(raw, OptionalString(element, "namespace", path), ns);
        if (!AvroName.IsValidPart(name.Simple) || (name.Namespace?.Split('.').Any(p => !AvroName.IsValidPart(p)) ?? false))
            throw new AvroSchemaException($"{path}.name", $"'{raw}' is not a valid Avro name (dot-separated parts of letters, digits and _, not starting with a digit)");
        if (PrimitiveSchema.Names.Contains(name.FullName))
            throw new AvroSchemaException($"{path}.name", $"'{raw}' is a primitive type name and cannot name a type");
        return name;
    }

    private void Define(NamedSchema schema, string path)
    {
        if (!defined.TryAdd(schema.Name.FullName, schema))
            throw new AvroSchemaException($"{path}.name", $"the type '{schema.Name.FullName}' is defined twice");
        DefinitionOrder.Add(schema);
    }

    private static IReadOnlyList<AvroName> ParseAliases(JsonElement element, string path, string? ns) =>
        StringArray(element, "aliases", path).Select(a => AvroName.Resolve(a, null, ns)).ToList();

    private static JsonElement Required(JsonElement element, string property, string path) =>
        element.TryGetProperty(property, out var value) ? value
            : throw new AvroSchemaException(path, $"missing required attribute \"{property}\"");

    private static string RequiredString(JsonElement element, string property, string path)
    {
        var value = Required(element, property, path);
        return value.ValueKind == JsonValueKind.String ? value.GetString()!
            : throw new AvroSchemaException($"{path}.{property}", $"expected a string, got {Describe(value)}");
    }

    private static string? OptionalString(JsonElement element, string property, string path)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString()
            : throw new AvroSchemaException($"{path}.{property}", $"expected a string, got {Describe(value)}");
    }

    private static IReadOnlyList<string> StringArray(JsonElement element, string property, string path)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array)
            throw new AvroSchemaException($"{path}.{property}", $"expected an array of strings, got {Describe(value)}");
        var result = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw new AvroSchemaException($"{path}.{property}[{index}]", $"expected a string, got {Describe(item)}");
            result.Add(item.GetString()!);
            index++;
        }
        return result;
    }

    internal static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Truncate(element.GetString()!)}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        _ => "null",
    };

    private static string Truncate(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
