using Catalog.Plugins.Avro.Schemas;

namespace Catalog.Plugins.Avro.Compatibility;

/// <summary>
/// Avro's schema-resolution rules (specification, "Schema Resolution"): can data written with the writer's schema be
/// read with the reader's? Returns every reason it cannot, each with the path where resolution fails; empty means
/// it can. Unions are checked the way Avro's SchemaCompatibility does: every branch a writer may choose must resolve.
/// </summary>
public sealed class SchemaResolution
{
    private readonly HashSet<(string Reader, string Writer)> inProgress = [];
    private readonly bool ignoreTopLevelName;

    private SchemaResolution(bool ignoreTopLevelName) => this.ignoreTopLevelName = ignoreTopLevelName;

    /// <param name="ignoreTopLevelName">
    /// Treat the two top-level records as the same type even when their names differ (a subject whose record was
    /// renamed on purpose, as with Schema Registry's topic-name strategy). Avro itself requires equal names or an alias.
    /// </param>
    public static IReadOnlyList<string> Incompatibilities(AvroSchema reader, AvroSchema writer, bool ignoreTopLevelName = false)
    {
        var problems = new List<string>();
        new SchemaResolution(ignoreTopLevelName).Check(reader, writer, "", problems, topLevel: true);
        return problems;
    }

    private void Check(AvroSchema reader, AvroSchema writer, string path, List<string> problems, bool topLevel = false)
    {
        if (writer is UnionSchema writerUnion)
        {
            foreach (var branch in writerUnion.Branches)
            {
                var branchProblems = new List<string>();
                Check(reader, branch, path, branchProblems);
                if (branchProblems.Count > 0)
                    problems.Add($"{Where(path)}: the writer may write {branch.Describe()}, which {ReaderDescription(reader)} cannot read");
            }
            return;
        }
        if (reader is UnionSchema readerUnion)
        {
            if (!readerUnion.Branches.Any(branch => { var p = new List<string>(); Check(branch, writer, path, p); return p.Count == 0; }))
                problems.Add($"{Where(path)}: no branch of the reader's {reader.Describe()} can read the writer's {writer.Describe()}");
            return;
        }
        if (reader is PrimitiveSchema && writer is PrimitiveSchema)
        {
            if (reader.Type != writer.Type && !IsPromotion(writer.Type, reader.Type))
                problems.Add($"{Where(path)}: the writer's {writer.Type} cannot be read as {reader.Type} (not an Avro type promotion)");
            return;
        }
        if (reader.Type != writer.Type)
        {
            problems.Add($"{Where(path)}: the writer's {writer.Describe()} cannot be read as {reader.Describe()}");
            return;
        }
        switch (reader)
        {
            case ArraySchema readerArray:
                Check(readerArray.Items, ((ArraySchema)writer).Items, $"{path}[]", problems);
                break;
            case MapSchema readerMap:
                Check(readerMap.Values, ((MapSchema)writer).Values, $"{path}{{}}", problems);
                break;
            case NamedSchema readerNamed:
                var writerNamed = (NamedSchema)writer;
                if (!(topLevel && ignoreTopLevelName) && !readerNamed.MatchesWriterName(writerNamed))
                {
                    problems.Add($"{Where(path)}: the writer's type {writerNamed.Name.FullName} does not match the reader's {readerNamed.Name.FullName} (names differ and the reader has no alias for it)");
                    return;
                }
                CheckNamed(readerNamed, writerNamed, path, problems);
                break;
        }
    }

    private void CheckNamed(NamedSchema reader, NamedSchema writer, string path, List<string> problems)
    {
        switch (reader)
        {
            case FixedSchema readerFixed when readerFixed.Size != ((FixedSchema)writer).Size:
                problems.Add($"{Where(path)}: fixed size {((FixedSchema)writer).Size} cannot be read as size {readerFixed.Size}");
                break;
            case EnumSchema readerEnum:
                var unknown = ((EnumSchema)writer).Symbols.Where(s => !readerEnum.Symbols.Contains(s)).ToList();
                if (unknown.Count > 0 && readerEnum.Default is null)
                    problems.Add($"{Where(path)}: the writer's enum symbols {string.Join(", ", unknown)} are unknown to the reader, which has no enum default");
                break;
            case RecordSchema readerRecord:
                // A recursive record refers to itself: a pair already being checked is assumed to resolve.
                if (!inProgress.Add((reader.Name.FullName, writer.Name.FullName))) return;
                var writerRecord = (RecordSchema)writer;
                foreach (var readerField in readerRecord.Fields)
                {
                    var fieldPath = path.Length == 0 ? readerField.Name : $"{path}.{readerField.Name}";
                    var writerField = FindWriterField(readerField, writerRecord);
                    if (writerField is not null) Check(readerField.Schema, writerField.Schema, fieldPath, problems);
                    else if (readerField.Default is null)
                        problems.Add($"{fieldPath}: the reader's field has no default and the writer does not write it");
                }
                inProgress.Remove((reader.Name.FullName, writer.Name.FullName));
                break;
        }
    }

    internal static AvroField? FindWriterField(AvroField readerField, RecordSchema writer) =>
        writer.Fields.FirstOrDefault(f => f.Name == readerField.Name)
        ?? writer.Fields.FirstOrDefault(f => readerField.Aliases.Contains(f.Name));

    /// <summary>Avro's promotions: int→long/float/double, long→float/double, float→double, string↔bytes.</summary>
    public static bool IsPromotion(string writer, string reader) => (writer, reader) switch
    {
        ("int", "long" or "float" or "double") => true,
        ("long", "float" or "double") => true,
        ("float", "double") => true,
        ("string", "bytes") or ("bytes", "string") => true,
        _ => false,
    };

    private static string Where(string path) => path.Length == 0 ? "(top level)" : path;

    private static string ReaderDescription(AvroSchema reader) => $"the reader's {reader.Describe()}";
}
