using System.Text.Json.Serialization;

namespace Catalog.Plugins.Health.Notifications;

/// <summary>
/// The JSON body of a webhook (schema in docs/COST-AND-HEALTH.md). <see cref="Id"/> is stable across retries,
/// so receivers can drop duplicates.
/// </summary>
public sealed record HealthEventPayload(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("occurredAt")] DateTimeOffset OccurredAt,
    [property: JsonPropertyName("entity")] PayloadEntity Entity,
    [property: JsonPropertyName("problem")] PayloadProblem Problem)
{
    [JsonPropertyName("schemaVersion")] public int SchemaVersion => 1;

    /// <summary>endpoint.late only: the first late job upstream on the critical path, as an outsider may see it; absent when none is known.</summary>
    [JsonPropertyName("cause")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PayloadCause? Cause { get; init; }
}

/// <summary>Why an endpoint is late: the first late job on its critical path, its owner, what went wrong, and the path (source first).</summary>
public sealed record PayloadCause(
    [property: JsonPropertyName("ref")] string Ref,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("causes")] IReadOnlyList<string> Causes,
    [property: JsonPropertyName("criticalPath")] IReadOnlyList<string> CriticalPath);

public sealed record PayloadEntity(
    [property: JsonPropertyName("ref")] string Ref,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("namespace")] string Namespace,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("url")] string Url);

public sealed record PayloadProblem(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("since")] DateTimeOffset Since);
