using System.Text;
using System.Text.Json;
using Catalog.Plugins.Avro.Schemas;

namespace Catalog.Plugins.Avro.Canonical;

/// <summary>
/// Writes a schema back to JSON. <see cref="Canonical"/> is Avro's Parsing Canonical Form (the specification's
/// STRIP/ORDER/FULLNAMES/PRIMITIVES rules, no whitespace), whose fingerprint identifies a schema regardless of
/// formatting, docs and defaults. <see cref="Full"/> keeps docs, defaults, aliases and logical types and inlines
/// every named type at its first use, so the stored definition can be parsed again on its own (compatibility
/// checks read it back from the store).
/// </summary>
public static class AvroSchemaWriter
{
    public static string Canonical(AvroSchema schema)
    {
        var builder = new StringBuilder();
        WriteCanonical(schema, builder, new HashSet<string>(StringComparer.Ordinal));
        return builder.ToString();
    }

    public static string Full(AvroSchema schema)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
            WriteFull(schema, writer, new HashSet<string>(StringComparer.Ordinal), null);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteCanonical(AvroSchema schema, StringBuilder output, HashSet<string> written)
    {
        switch (schema)
        {
            case PrimitiveSchema primitive:
                output.Append('"').Append(primitive.Type).Append('"');
                break;
            case NamedSchema named when !written.Add(named.Name.FullName):
                output.Append(Quote(named.Name.FullName));
                break;
            case RecordSchema record:
                output.Append("{\"name\":").Append(Quote(record.Name.FullName)).Append(",\"type\":\"record\",\"fields\":[");
                for (var i = 0; i < record.Fields.Count; i++)
                {
                    if (i > 0) output.Append(',');
                    output.Append("{\"name\":").Append(Quote(record.Fields[i].Name)).Append(",\"type\":");
                    WriteCanonical(record.Fields[i].Schema, output, written);
                    output.Append('}');
                }
                output.Append("]}");
                break;
            case EnumSchema enumSchema:
                output.Append("{\"name\":").Append(Quote(enumSchema.Name.FullName)).Append(",\"type\":\"enum\",\"symbols\":[")
                    .Append(string.Join(",", enumSchema.Symbols.Select(Quote))).Append("]}");
                break;
            case FixedSchema fixedSchema:
                output.Append("{\"name\":").Append(Quote(fixedSchema.Name.FullName)).Append(",\"type\":\"fixed\",\"size\":")
                    .Append(fixedSchema.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('}');
                break;
            case ArraySchema array:
                output.Append("{\"type\":\"array\",\"items\":");
                WriteCanonical(array.Items, output, written);
                output.Append('}');
                break;
            case MapSchema map:
                output.Append("{\"type\":\"map\",\"values\":");
                WriteCanonical(map.Values, output, written);
                output.Append('}');
                break;
            case UnionSchema union:
                output.Append('[');
                for (var i = 0; i < union.Branches.Count; i++)
                {
                    if (i > 0) output.Append(',');
                    WriteCanonical(union.Branches[i], output, written);
                }
                output.Append(']');
                break;
        }
    }

    private static void WriteFull(AvroSchema schema, Utf8JsonWriter writer, HashSet<string> written, string? enclosingNamespace)
    {
        switch (schema)
        {
            case PrimitiveSchema { LogicalType: null } primitive:
                writer.WriteStringValue(primitive.Type);
                return;
            case PrimitiveSchema primitive:
                writer.WriteStartObject();
                writer.WriteString("type", primitive.Type);
                writer.WriteString("logicalType", primitive.LogicalType);
                writer.WriteEndObject();
                return;
            case NamedSchema named when !written.Add(named.Name.FullName):
                writer.WriteStringValue(named.Name.FullName);
                return;
            case NamedSchema named:
                writer.WriteStartObject();
                writer.WriteString("type", named.Type);
                writer.WriteString("name", named.Name.Simple);
                if (named.Name.Namespace is { } ns) writer.WriteString("namespace", ns);
                if (named.Doc is { } doc) writer.WriteString("doc", doc);
                if (named.Aliases.Count > 0)
                {
                    writer.WriteStartArray("aliases");
                    foreach (var alias in named.Aliases) writer.WriteStringValue(alias.FullName);
                    writer.WriteEndArray();
                }
                WriteNamedBody(named, writer, written);
                writer.WriteEndObject();
                return;
            case ArraySchema array:
                writer.WriteStartObject();
                writer.WriteString("type", "array");
                writer.WritePropertyName("items");
                WriteFull(array.Items, writer, written, enclosingNamespace);
                writer.WriteEndObject();
                return;
            case MapSchema map:
                writer.WriteStartObject();
                writer.WriteString("type", "map");
                writer.WritePropertyName("values");
                WriteFull(map.Values, writer, written, enclosingNamespace);
                writer.WriteEndObject();
                return;
            case UnionSchema union:
                writer.WriteStartArray();
                foreach (var branch in union.Branches) WriteFull(branch, writer, written, enclosingNamespace);
                writer.WriteEndArray();
                return;
        }
    }

    private static void WriteNamedBody(NamedSchema named, Utf8JsonWriter writer, HashSet<string> written)
    {
        if (named.LogicalType is { } logical) writer.WriteString("logicalType", logical);
        switch (named)
        {
            case RecordSchema record:
                writer.WriteStartArray("fields");
                foreach (var field in record.Fields)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", field.Name);
                    writer.WritePropertyName("type");
                    WriteFull(field.Schema, writer, written, record.Name.Namespace);
                    if (field.Doc is { } fieldDoc) writer.WriteString("doc", fieldDoc);
                    if (field.Default is { } value) { writer.WritePropertyName("default"); value.WriteTo(writer); }
                    if (field.Aliases.Count > 0)
                    {
                        writer.WriteStartArray("aliases");
                        foreach (var alias in field.Aliases) writer.WriteStringValue(alias);
                        writer.WriteEndArray();
                    }
                    if (field.Order is { } order) writer.WriteString("order", order);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                break;
            case EnumSchema enumSchema:
                writer.WriteStartArray("symbols");
                foreach (var symbol in enumSchema.Symbols) writer.WriteStringValue(symbol);
                writer.WriteEndArray();
                if (enumSchema.Default is { } d) writer.WriteString("default", d);
                break;
            case FixedSchema fixedSchema:
                writer.WriteNumber("size", fixedSchema.Size);
                break;
        }
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
