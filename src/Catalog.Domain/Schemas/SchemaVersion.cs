using Catalog.Domain.Entities;

namespace Catalog.Domain.Schemas;

/// <summary>A version of an event type's schema with what changed since the one before.</summary>
public sealed record SchemaVersion
{
    public required EntityRef Subject { get; init; }
    public required int Version { get; init; }
    /// <summary>Fingerprint of the canonical form; equal fingerprints are the same schema.</summary>
    public required string Fingerprint { get; init; }
    public required string Definition { get; init; }
    public SchemaCompatibility Compatibility { get; init; }
    public IReadOnlyList<string> Changes { get; init; } = [];
}
