using System.Globalization;
using Catalog.Domain.Entities;
using Catalog.Domain.Policies;

namespace Catalog.Plugins.Governance.Retention;

/// <summary>The retention form (and API body) as typed: strings, so bad numbers become messages instead of binding errors.</summary>
public sealed class RetentionInput
{
    public string? Mode { get; set; }
    public string? Value { get; set; }
    public string? Justification { get; set; }
    /// <summary>The portal policy's version the editor saw; 0 when there was none. A stale version is a conflict.</summary>
    public int Version { get; set; }
    /// <summary>Why the change is made; goes to the audit trail.</summary>
    public string? Reason { get; set; }

    public static string Wire(RetentionMode mode) => mode switch
    {
        RetentionMode.KeepDays => "keep_days",
        RetentionMode.KeepLatest => "keep_latest",
        _ => "keep_forever",
    };

    public static RetentionMode? ParseMode(string? value) => value?.Trim() switch
    {
        "keep_days" => RetentionMode.KeepDays,
        "keep_latest" => RetentionMode.KeepLatest,
        "keep_forever" => RetentionMode.KeepForever,
        _ => null,
    };

    /// <summary>The policy this input describes, or the problems that stop it being one.</summary>
    public (RetentionPolicy? Policy, IReadOnlyList<PolicyViolation> Problems) ToPolicy()
    {
        var problems = new List<PolicyViolation>();
        var mode = ParseMode(Mode);
        if (mode is null) problems.Add(new("mode", $"Choose keep_days, keep_latest or keep_forever{(string.IsNullOrEmpty(Mode) ? "" : $" ('{Truncated(Mode)}' is not one of them)")}."));
        int? value = null;
        if (mode is RetentionMode.KeepDays or RetentionMode.KeepLatest)
        {
            if (int.TryParse(Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) value = parsed;
            else problems.Add(new("value", string.IsNullOrWhiteSpace(Value) ? "Enter a number." : $"'{Truncated(Value)}' is not a whole number."));
        }
        if (Reason is { Length: > MetadataLimits.Reason })
            problems.Add(new("reason", $"The reason is longer than {MetadataLimits.Reason} characters."));
        if (problems.Count > 0) return (null, problems);
        var justification = string.IsNullOrWhiteSpace(Justification) ? null : Justification.Trim();
        return (new RetentionPolicy { Mode = mode!.Value, Value = value, Justification = justification }, []);
    }

    private static string Truncated(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
