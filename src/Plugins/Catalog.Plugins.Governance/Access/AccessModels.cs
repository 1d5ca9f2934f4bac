using Catalog.Domain.Policies;

namespace Catalog.Plugins.Governance.Access;

public sealed record GrantRow(long Id, string PrincipalRef, string Permission, string Origin, string? GrantedBy, DateTimeOffset GrantedAt, DateTimeOffset? ExpiresAt, string? Reason);

public sealed record ColumnClassificationRow(string Field, string? Classification, string? Harvested, bool EditedInPortal);

/// <summary>The access half of the Policies tab.</summary>
public sealed record AccessView(long EntityId, string Ref, string? OwnerRef, string Visibility, string Classification, string? HarvestedClassification,
    int Version, IReadOnlyList<GrantRow> Grants, IReadOnlyList<ColumnClassificationRow> Columns);

/// <summary>The grant form as typed.</summary>
public sealed class GrantInput
{
    public string? Principal { get; set; }
    public string? Permission { get; set; }
    public string? ExpiresAt { get; set; }
    public string? Reason { get; set; }

    public static AccessPermission? ParsePermission(string? value) => value?.Trim() switch
    {
        "read" => AccessPermission.Read,
        "write" => AccessPermission.Write,
        _ => null,
    };
}

/// <summary>The classification form: the endpoint's, or one column's when <see cref="Field"/> is set.</summary>
public sealed class ClassificationInput
{
    public string? Field { get; set; }
    public string? Classification { get; set; }
    /// <summary>The entity version the editor saw.</summary>
    public int Version { get; set; }
    public string? Reason { get; set; }
}

public sealed record AccessRequestRow(long Id, long EntityId, string EntityRef, string? OwnerRef, string RequesterRef, string Permission, string Reason,
    string Status, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionReason, int Version);

/// <summary>One line of the access review: who can read a PII endpoint, and why.</summary>
public sealed record AccessReviewRow(string EntityRef, string Classification, string Visibility, string Principal, string Via, string? Reason, DateTimeOffset? ExpiresAt);
