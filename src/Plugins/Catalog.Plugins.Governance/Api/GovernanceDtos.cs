namespace Catalog.Plugins.Governance.Api;

public sealed record RetentionDto(string Mode, int? Value, string? Justification, string Origin);

public sealed record EffectiveRetentionDto(string Entity, string Classification, RetentionDto Effective, RetentionDto? OverriddenDescriptor,
    int? ClassificationMaxDays, int PortalVersion, IReadOnlyList<string> Violations);

public sealed record RetentionPlanDto(RetentionDto Policy, IReadOnlyList<string> Expiring, long BytesFreed, bool BytesFreedIsLowerBound,
    decimal? MonthlySaving, string? Currency, IReadOnlyList<string> Violations);

public sealed record GrantRequestDto(string? Principal, string? Permission, string? ExpiresAt, string? Reason);

public sealed record ClassificationRequestDto(string? Field, string? Classification, int Version, string? Reason);

public sealed record AccessRequestDto(string? Permission, string? Reason);

public sealed record DecisionDto(bool Approve, int Version, string? Reason);

public sealed record SuggestionDecisionDto(string Field, string Suggested, bool Accept, int Version);

/// <param name="Namespaces">For ingest tokens: the namespaces it may write, or ["*"] for all.</param>
public sealed record CreateTokenDto(string? Name, IReadOnlyList<string>? Scopes, int? LifetimeDays, IReadOnlyList<string>? Namespaces = null);

public sealed record CreatedTokenDto(long Id, string Name, string Token, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt, string Notice)
{
    public IReadOnlyList<string> Namespaces { get; init; } = [];
}

public sealed record TokenDto(long Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public IReadOnlyList<string> Namespaces { get; init; } = [];
    public string? DisabledReason { get; init; }
}

public sealed record AuditVerificationDto(bool Intact, long Verified, long? BrokenAt, string? Problem, string? HeadHash);

public sealed record RetentionDefaultDto(string? Mode, string? Value, string? Justification, int? MaxDays, int Version, string? Reason);
