using Catalog.Plugins.Governance.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Catalog.Plugins.Governance.Api;

/// <summary>Turns an <see cref="Outcome"/> into 200 or a problem details response: 400 with per-field errors, 401, 403, 404, 409.</summary>
internal static class OutcomeResults
{
    public static IResult ToResult(this Outcome outcome) => outcome.Status switch
    {
        OutcomeStatus.Done => Results.Ok(new { message = outcome.Message, version = outcome.NewVersion }),
        OutcomeStatus.Invalid => Results.ValidationProblem(
            outcome.Violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray()),
            detail: outcome.Message, title: "Nothing was saved: the input breaks a rule."),
        _ => Results.Problem(detail: outcome.Message, statusCode: outcome.HttpStatus, title: outcome.Status switch
        {
            OutcomeStatus.Conflict => "Someone else changed this first.",
            OutcomeStatus.NotFound => "Not found.",
            OutcomeStatus.Unauthenticated => "Sign in first.",
            _ => "Not allowed.",
        }),
    };
}
