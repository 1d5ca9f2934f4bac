namespace Catalog.Domain.Entities;

/// <summary>
/// Bounds for metadata that comes from outside. Harvesters truncate (and say so) rather than store
/// unbounded text; forms reject input past these sizes.
/// </summary>
public static class MetadataLimits
{
    public const int Title = 512;
    public const int Description = 64 * 1024;
    public const int Tag = 128;
    public const int Tags = 100;
    public const int FieldName = 512;
    public const int FieldType = 1024;
    public const int Fields = 10_000;
    /// <summary>Unknown facets kept verbatim per entity (serialized JSON bytes).</summary>
    public const int FacetsBytes = 1024 * 1024;
    public const int Reason = 4 * 1024;

    public static string? Truncate(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..max];
}
