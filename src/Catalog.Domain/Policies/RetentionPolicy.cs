namespace Catalog.Domain.Policies;

/// <summary>How long a dataset's partitions are kept.</summary>
public sealed record RetentionPolicy
{
    public const int MaxDays = 36_500;
    public const int MaxPartitions = 1_000_000;

    public required RetentionMode Mode { get; init; }
    /// <summary>Days for <see cref="RetentionMode.KeepDays"/>, partitions for <see cref="RetentionMode.KeepLatest"/>.</summary>
    public int? Value { get; init; }
    public string? Justification { get; init; }

    public static RetentionPolicy Days(int days) => new() { Mode = RetentionMode.KeepDays, Value = days };
    public static RetentionPolicy Latest(int partitions) => new() { Mode = RetentionMode.KeepLatest, Value = partitions };
    public static RetentionPolicy Forever(string justification) => new() { Mode = RetentionMode.KeepForever, Justification = justification };

    /// <summary>Problems with the policy itself, each naming the field: empty when valid.</summary>
    public IReadOnlyList<PolicyViolation> Validate()
    {
        var problems = new List<PolicyViolation>();
        switch (Mode)
        {
            case RetentionMode.KeepDays when Value is null or < 1 or > MaxDays:
                problems.Add(new("value", $"Keep-days needs a number of days between 1 and {MaxDays}."));
                break;
            case RetentionMode.KeepLatest when Value is null or < 1 or > MaxPartitions:
                problems.Add(new("value", $"Keep-latest needs a number of partitions between 1 and {MaxPartitions}."));
                break;
            case RetentionMode.KeepForever when string.IsNullOrWhiteSpace(Justification):
                problems.Add(new("justification", "Keeping data forever needs a written justification."));
                break;
        }
        if (Justification is { Length: > Entities.MetadataLimits.Reason })
            problems.Add(new("justification", $"The justification is longer than {Entities.MetadataLimits.Reason} characters."));
        return problems;
    }

    public override string ToString() => Mode switch
    {
        RetentionMode.KeepDays => $"keep {Value} days",
        RetentionMode.KeepLatest => $"keep latest {Value} partitions",
        _ => "keep forever",
    };
}
