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
}

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
