namespace Catalog.Domain.Schemas;

/// <summary>
/// Compatibility of a new schema version with the previous one, in Avro/Schema Registry terms:
/// backward = readers on the new schema can read old data; forward = readers on the old schema can read new data.
/// </summary>
public enum SchemaCompatibility
{
    /// <summary>The first version: nothing to compare with.</summary>
    Initial,
    Full,
    Backward,
    Forward,
    Breaking,
}
