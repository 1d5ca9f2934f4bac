using Catalog.Domain.Health;

namespace Catalog.Plugins.Health.Evaluation;

/// <summary>The health of one entity: its current problems and, for scheduled endpoints, its freshness.</summary>
public sealed record EntityHealth(long EntityId, string Ref, string Kind, string? OwnerRef, IReadOnlyList<HealthProblem> Problems, Freshness? Freshness)
{
    public HealthSeverity Severity => HealthRules.Worst(Problems);
}
