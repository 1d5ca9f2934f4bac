namespace Catalog.Domain.Entities;

/// <summary>
/// What every entity has, whatever its kind. Kind-specific detail (a dataset's fields, a job's schedule)
/// lives in the kind's own types, keyed by <see cref="Ref"/>.
/// </summary>
public sealed record CatalogEntity
{
    public required EntityRef Ref { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    /// <summary>Owning group (team), e.g. <c>group:default:data-platform</c>.</summary>
    public EntityRef? Owner { get; init; }
    public string? Platform { get; init; }
    /// <summary>Physical location: a table's qualified name, a GCS/S3 path, a topic.</summary>
    public string? Location { get; init; }
    public Policies.Classification Classification { get; init; } = Policies.Classification.Internal;
    public Lifecycle Lifecycle { get; init; } = Lifecycle.Active;
    /// <summary>Declared by a source (descriptor <c>spec.visibility</c>) or set in the portal; maps to <c>entities.visibility</c>.</summary>
    public Visibility Visibility { get; init; } = Visibility.Everyone;
    public IReadOnlyList<string> Tags { get; init; } = [];
}
