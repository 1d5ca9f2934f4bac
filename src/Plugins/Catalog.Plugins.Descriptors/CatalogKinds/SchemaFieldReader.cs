using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Domain.Policies;
using Catalog.Plugins.Descriptors.Yaml;
using YamlDotNet.RepresentationModel;

namespace Catalog.Plugins.Descriptors.CatalogKinds;

/// <summary>
/// <c>spec.schema.fields</c>: name, type, description, nullable, classification (or <c>pii: true</c>), tags, and nested
/// <c>fields</c> for records, flattened to dotted names (<c>device.os</c>) as the model stores them.
/// </summary>
public static class SchemaFieldReader
{
    public static readonly string[] Keys = ["name", "type", "description", "nullable", "classification", "pii", "tags", "fields"];

    public static List<SchemaField> Read(YamlMap schema)
    {
        schema.RejectUnknownKeys(["fields"]);
        var fields = new List<SchemaField>();
        ReadList(schema, "fields", prefix: "", fields);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
            if (!seen.Add(field.Name)) schema.Problem("fields", $"declares the field '{field.Name}' more than once");
        if (fields.Count > MetadataLimits.Fields)
            schema.Problem("fields", $"declares {fields.Count} fields: at most {MetadataLimits.Fields} are allowed");
        return fields;
    }

    private static void ReadList(YamlMap parent, string key, string prefix, List<SchemaField> into)
    {
        foreach (var (node, path) in parent.List(key))
        {
            if (node is not YamlMappingNode mapping)
            {
                parent.Problems.Add(node.Start, path, $"expected a field (a mapping with name and type), got {YamlMap.Describe(node)}");
                continue;
            }
            var field = new YamlMap(mapping, path, parent.Problems);
            field.RejectUnknownKeys(Keys);
            var name = field.String("name", required: true);
            if (name is null) continue;
            if (name.Length > MetadataLimits.FieldName || name.Contains('.'))
            {
                field.Problem("name", $"'{name}' is not a field name: expected at most {MetadataLimits.FieldName} characters without '.' (nest records with fields instead)");
                continue;
            }
            var fullName = prefix + name;
            var classification = ReadClassification(field);
            into.Add(new SchemaField
            {
                Name = fullName,
                Type = MetadataLimits.Truncate(field.String("type"), MetadataLimits.FieldType),
                Description = MetadataLimits.Truncate(field.String("description"), MetadataLimits.Description),
                Nullable = field.Bool("nullable"),
                Tags = field.Strings("tags").Select(t => t.Value).Where(t => t.Length <= MetadataLimits.Tag).Take(MetadataLimits.Tags).ToList(),
                Classification = classification,
            });
            if (field.Get("fields") is not null) ReadList(field, "fields", fullName + ".", into);
        }
    }

    private static Classification? ReadClassification(YamlMap field)
    {
        var pii = field.Bool("pii");
        var text = field.String("classification");
        Classification? declared = null;
        if (text is not null)
        {
            if (Classifications.TryParse(text, out var parsed)) declared = parsed;
            else field.Problem("classification", $"'{text}' is not a classification: expected public, internal, confidential or pii");
        }
        if (pii == true)
        {
            if (declared is not null and not Classification.Pii)
                field.Problem("pii", $"says the field is PII but classification says {text}: drop one of them");
            return Classification.Pii;
        }
        return declared;
    }
}
