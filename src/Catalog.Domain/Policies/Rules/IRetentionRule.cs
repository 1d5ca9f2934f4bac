using Catalog.Domain.Policies.Retention;

namespace Catalog.Domain.Policies.Rules;

/// <summary>One governance rule about retention. See README.md in this folder for how to add one.</summary>
public interface IRetentionRule
{
    /// <summary>What is wrong with <paramref name="candidate"/> for the dataset described by <paramref name="context"/>; empty when nothing.</summary>
    IEnumerable<PolicyViolation> Check(RetentionPolicy candidate, RetentionContext context);
}
