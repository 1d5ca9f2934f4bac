using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;

namespace Catalog.Plugins.Avro.Schemas;

/// <summary>
/// A record's fields as the catalog lists them: nested records (directly, in a nullable union, or as array items or
/// map values) become dotted paths (<c>response.isSuccessful</c>). Recursive records stop at the first repetition.
/// </summary>
public static class FieldFlattener
{
    public static IReadOnlyList<SchemaField> Flatten(RecordSchema record)
    {
        var fields = new List<SchemaField>();
        Walk(record, "", fields, [record.Name.FullName]);
        return fields;
    }

    public static IReadOnlyList<SchemaField> Flatten(IEnumerable<AvroField> parameters)
    {
        var fields = new List<SchemaField>();
        foreach (var parameter in parameters) Add(parameter, "", fields, []);
        return fields;
    }

    private static void Walk(RecordSchema record, string prefix, List<SchemaField> fields, HashSet<string> path)
    {
        foreach (var field in record.Fields)
            Add(field, prefix, fields, path);
    }

    private static void Add(AvroField field, string prefix, List<SchemaField> fields, HashSet<string> path)
    {
        if (fields.Count >= MetadataLimits.Fields) return;
        var name = prefix + field.Name;
        var nullable = field.Schema is UnionSchema union && union.IsNullable;
        var inner = Unwrap(field.Schema);
        fields.Add(new SchemaField
        {
            Name = MetadataLimits.Truncate(name, MetadataLimits.FieldName)!,
            Type = MetadataLimits.Truncate(field.Schema is UnionSchema { Branches.Count: 2 } && nullable ? inner.Describe() : field.Schema.Describe(), MetadataLimits.FieldType),
            Description = MetadataLimits.Truncate(field.Doc, MetadataLimits.Description),
            Nullable = nullable,
        });
        var nested = inner switch
        {
            RecordSchema r => r,
            ArraySchema { Items: var items } => Unwrap(items) as RecordSchema,
            MapSchema { Values: var values } => Unwrap(values) as RecordSchema,
            _ => null,
        };
        if (nested is null || !path.Add(nested.Name.FullName)) return;
        Walk(nested, name + ".", fields, path);
        path.Remove(nested.Name.FullName);
    }

    private static AvroSchema Unwrap(AvroSchema schema) =>
        schema is UnionSchema { Branches.Count: 2 } union && union.IsNullable ? union.Branches.First(b => b.Type != "null") : schema;

    /// <summary>Every record reachable from a schema (itself included), each once, in first-use order.</summary>
    public static IReadOnlyList<RecordSchema> Records(AvroSchema root)
    {
        var found = new List<RecordSchema>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Collect(root, found, seen);
        return found;
    }

    private static void Collect(AvroSchema schema, List<RecordSchema> found, HashSet<string> seen)
    {
        switch (schema)
        {
            case RecordSchema record when seen.Add(record.Name.FullName):
                found.Add(record);
                foreach (var field in record.Fields) Collect(field.Schema, found, seen);
                break;
            case ArraySchema array: Collect(array.Items, found, seen); break;
            case MapSchema map: Collect(map.Values, found, seen); break;
            case UnionSchema union: foreach (var b in union.Branches) Collect(b, found, seen); break;
        }
    }
}
