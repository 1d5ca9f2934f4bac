using System.Text.Json;
using Catalog.Plugins.Avro.Schemas;

namespace Catalog.Plugins.Avro.Compatibility;

/// <summary>What changed between two versions, in words a schema owner recognises (field added, removed, retyped…).</summary>
public static class SchemaDiff
{
    public static IReadOnlyList<string> Describe(AvroSchema previous, AvroSchema next)
    {
        var changes = new List<string>();
        Compare(previous, next, "", changes, new HashSet<string>(StringComparer.Ordinal));
        return changes;
    }

    private static void Compare(AvroSchema previous, AvroSchema next, string path, List<string> changes, HashSet<string> visited)
    {
        var label = path.Length == 0 ? "the schema" : $"field '{path}'";
        if (previous is NamedSchema oldNamed && next is NamedSchema newNamed && oldNamed.Type == newNamed.Type)
        {
            if (oldNamed.Name.FullName != newNamed.Name.FullName)
                changes.Add($"{label}: type renamed {oldNamed.Name.FullName} → {newNamed.Name.FullName}" +
                            (newNamed.MatchesWriterName(oldNamed) ? " (with an alias for the old name)" : ""));
            if (!visited.Add(newNamed.Name.FullName)) return;
            switch (previous, next)
            {
                case (RecordSchema oldRecord, RecordSchema newRecord):
                    CompareRecords(oldRecord, newRecord, path, changes, visited);
                    break;
                case (EnumSchema oldEnum, EnumSchema newEnum):
                    var added = newEnum.Symbols.Except(oldEnum.Symbols).ToList();
                    var removed = oldEnum.Symbols.Except(newEnum.Symbols).ToList();
                    if (added.Count > 0) changes.Add($"{label}: enum symbols added: {string.Join(", ", added)}");
                    if (removed.Count > 0) changes.Add($"{label}: enum symbols removed: {string.Join(", ", removed)}");
                    break;
                case (FixedSchema oldFixed, FixedSchema newFixed) when oldFixed.Size != newFixed.Size:
                    changes.Add($"{label}: fixed size changed {oldFixed.Size} → {newFixed.Size}");
                    break;
            }
            return;
        }
        var oldInner = NonNull(previous);
        var newInner = NonNull(next);
        if (oldInner is RecordSchema or EnumSchema && newInner is NamedSchema && oldInner.Type == newInner.Type && (oldInner != previous || newInner != next))
        {
            if (previous.Describe() != next.Describe() && (previous is UnionSchema) != (next is UnionSchema))
                changes.Add($"{label}: {(next is UnionSchema ? "became nullable" : "is no longer nullable")}");
            Compare(oldInner, newInner, path, changes, visited);
            return;
        }
        if (previous.Describe() != next.Describe())
            changes.Add($"{label}: type changed {previous.Describe()} → {next.Describe()}");
    }

    private static void CompareRecords(RecordSchema previous, RecordSchema next, string path, List<string> changes, HashSet<string> visited)
    {
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in next.Fields)
        {
            var fieldPath = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            var old = SchemaResolution.FindWriterField(field, previous);
            if (old is null)
            {
                changes.Add(field.Default is { } d
                    ? $"added field '{fieldPath}' ({field.Schema.Describe()}) with default {Json(d)}"
                    : $"added required field '{fieldPath}' ({field.Schema.Describe()}) without a default");
                continue;
            }
            matched.Add(old.Name);
            if (old.Name != field.Name) changes.Add($"field '{(path.Length == 0 ? old.Name : $"{path}.{old.Name}")}' renamed to '{field.Name}' (alias)");
            if (old.Default is null && field.Default is { } added) changes.Add($"field '{fieldPath}' gained default {Json(added)}");
            if (old.Default is not null && field.Default is null) changes.Add($"field '{fieldPath}' lost its default");
            Compare(old.Schema, field.Schema, fieldPath, changes, visited);
        }
        foreach (var old in previous.Fields.Where(f => !matched.Contains(f.Name)))
        {
            var fieldPath = path.Length == 0 ? old.Name : $"{path}.{old.Name}";
            changes.Add(old.Default is null
                ? $"removed field '{fieldPath}' ({old.Schema.Describe()}), which had no default"
                : $"removed field '{fieldPath}' ({old.Schema.Describe()})");
        }
        var oldOrder = previous.Fields.Select(f => f.Name).Where(n => next.Fields.Any(f => f.Name == n)).ToList();
        var newOrder = next.Fields.Select(f => f.Name).Where(n => oldOrder.Contains(n)).ToList();
        if (!oldOrder.SequenceEqual(newOrder)) changes.Add($"fields reordered in {(path.Length == 0 ? previous.Name.FullName : $"'{path}'")} (no effect on resolution)");
    }

    private static AvroSchema NonNull(AvroSchema schema) =>
        schema is UnionSchema { Branches.Count: 2 } union && union.IsNullable ? union.Branches.First(b => b.Type != "null") : schema;

    private static string Json(JsonElement value) => value.GetRawText();
}
