using Catalog.Domain.Schemas;
using Catalog.Plugins.Avro.Schemas;

namespace Catalog.Plugins.Avro.Compatibility;

/// <summary>The compatibility of a new schema version with the previous one, with a human-readable change list.</summary>
public sealed record CompatibilityReport(SchemaCompatibility Compatibility, IReadOnlyList<string> Changes)
{
    /// <summary>
    /// Backward: readers on the new schema can read data written with the old one. Forward: readers on the old schema
    /// can read data written with the new one. Full: both. Breaking: neither.
    /// </summary>
    public static CompatibilityReport Compare(AvroSchema previous, AvroSchema next, bool ignoreTopLevelName = false)
    {
        var backwardProblems = SchemaResolution.Incompatibilities(reader: next, writer: previous, ignoreTopLevelName);
        var forwardProblems = SchemaResolution.Incompatibilities(reader: previous, writer: next, ignoreTopLevelName);
        var compatibility = (backwardProblems.Count == 0, forwardProblems.Count == 0) switch
        {
            (true, true) => SchemaCompatibility.Full,
            (true, false) => SchemaCompatibility.Backward,
            (false, true) => SchemaCompatibility.Forward,
            _ => SchemaCompatibility.Breaking,
        };
        var changes = new List<string>(SchemaDiff.Describe(previous, next));
        changes.AddRange(backwardProblems.Select(p => $"not backward compatible (new readers, old data): {p}"));
        changes.AddRange(forwardProblems.Select(p => $"not forward compatible (old readers, new data): {p}"));
        return new CompatibilityReport(compatibility, changes);
    }
}
