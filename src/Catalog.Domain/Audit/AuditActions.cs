namespace Catalog.Domain.Audit;

/// <summary>The audit trail's action names: stable strings auditors filter on.</summary>
public static class AuditActions
{
    public const string SignIn = "auth.sign-in";
    public const string SignInFailed = "auth.sign-in-failed";
    public const string SignOut = "auth.sign-out";
    public const string LockedOut = "auth.locked-out";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string TokenUsed = "token.used";
    public const string TokenRejected = "token.rejected";
    public const string AccessDenied = "access.denied";
    public const string RetentionChanged = "retention.changed";
    public const string RetentionReset = "retention.reset";
    public const string GrantAdded = "grant.added";
    public const string GrantRemoved = "grant.removed";
    public const string ClassificationChanged = "classification.changed";
    public const string SuggestionAccepted = "suggestion.accepted";
    public const string SuggestionRejected = "suggestion.rejected";
    public const string AccessRequested = "access-request.created";
    public const string AccessRequestApproved = "access-request.approved";
    public const string AccessRequestDenied = "access-request.denied";
    public const string UserCreated = "user.created";
    public const string AuditVerified = "audit.verified";

    /// <summary>A harvest (or a push) changed an owner, classification, access or retention: <c>harvest.owner-changed</c> etc.</summary>
    public static string HarvestChanged(string fact) => $"harvest.{fact}-changed";
}
