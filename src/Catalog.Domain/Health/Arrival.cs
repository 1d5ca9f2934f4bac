namespace Catalog.Domain.Health;

/// <summary>Output for a period landed: a partition with that key was written at <see cref="At"/>.</summary>
public sealed record Arrival(string Key, DateTimeOffset At);
