using Catalog.Domain.Policies.Rules;

namespace Catalog.Domain.Policies.Retention;

/// <summary>Runs every retention rule over a candidate policy; an empty result means it may be saved.</summary>
public static class RetentionValidator
{
    public static IReadOnlyList<IRetentionRule> DefaultRules { get; } =
    [
        new RetentionValuesRule(),
        new ClassificationMaximumRule(),
        new KeepLatestNeedsPartitionsRule(),
    ];

    public static IReadOnlyList<PolicyViolation> Validate(RetentionPolicy candidate, RetentionContext context, IReadOnlyList<IRetentionRule>? rules = null) =>
        (rules ?? DefaultRules).SelectMany(rule => rule.Check(candidate, context)).ToList();
}
