using Catalog.Domain.Policies.Retention;

namespace Catalog.Domain.Policies.Rules;

/// <summary>The policy is well formed on its own: numbers in range, a justification for keeping forever.</summary>
public sealed class RetentionValuesRule : IRetentionRule
{
    public IEnumerable<PolicyViolation> Check(RetentionPolicy candidate, RetentionContext context) => candidate.Validate();
}
