namespace Catalog.Domain.Policies.Retention;

/// <summary>A retention policy as stored for one scope, with where it was declared and its concurrency version.</summary>
public sealed record DeclaredRetention(RetentionPolicy Policy, PolicyOrigin Origin)
{
    public string? UpdatedBy { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public int Version { get; init; } = 1;
}
