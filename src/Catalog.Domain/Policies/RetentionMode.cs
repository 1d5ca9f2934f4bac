namespace Catalog.Domain.Policies;

public enum RetentionMode
{
    /// <summary>Keep partitions newer than N days.</summary>
    KeepDays,
    /// <summary>Keep the newest N partitions.</summary>
    KeepLatest,
    /// <summary>Keep everything; requires a written justification.</summary>
    KeepForever,
}
