namespace Catalog.Domain.Health;

/// <summary>
/// One period a schedule expects output for: <c>[Start, End)</c>, due by <see cref="Deadline"/>.
/// <see cref="Key"/> is the partition key that period's data is written under.
/// </summary>
public sealed record SchedulePeriod(DateTimeOffset Start, DateTimeOffset End, DateTimeOffset Deadline, string Key);
