using Catalog.Domain.Policies;
using Catalog.Plugins.Governance.Authorization;

namespace Catalog.Plugins.Governance.Infrastructure;

public enum OutcomeStatus
{
    Done,
    Invalid,
    Conflict,
    NotFound,
    Unauthenticated,
    Forbidden,
}

/// <summary>
/// What a governance write did. Forms show <see cref="Message"/> and the <see cref="Violations"/> next to their
/// fields; APIs map the status to 200/400/409/404/401/403 problem details. Nothing is saved unless Done.
/// </summary>
public sealed record Outcome(OutcomeStatus Status, string Message)
{
    public IReadOnlyList<PolicyViolation> Violations { get; init; } = [];
    public int? NewVersion { get; init; }
    public bool Succeeded => Status == OutcomeStatus.Done;

    public int HttpStatus => Status switch
    {
        OutcomeStatus.Done => 200,
        OutcomeStatus.Invalid => 400,
        OutcomeStatus.Conflict => 409,
        OutcomeStatus.NotFound => 404,
        OutcomeStatus.Unauthenticated => 401,
        _ => 403,
    };

    public static Outcome Done(string message, int? version = null) => new(OutcomeStatus.Done, message) { NewVersion = version };
    public static Outcome Invalid(IReadOnlyList<PolicyViolation> violations) =>
        new(OutcomeStatus.Invalid, "Nothing was saved: " + string.Join(" ", violations.Select(v => v.Message))) { Violations = violations };
    public static Outcome Invalid(string field, string message) => Invalid([new PolicyViolation(field, message)]);
    public static Outcome Conflict(string message) => new(OutcomeStatus.Conflict, message);
    public static Outcome NotFound(string what) => new(OutcomeStatus.NotFound, $"{what} was not found.");

    public static Outcome Denied(GateDecision decision) =>
        new(decision.StatusCode == 401 ? OutcomeStatus.Unauthenticated : OutcomeStatus.Forbidden, decision.Message ?? "Not allowed.");
}
