using Catalog.Domain.Health;
using Catalog.Plugins.Ui;

namespace Catalog.Plugins.Health.Evaluation;

/// <summary>A health badge for entities health can judge: Healthy, Warning or Failing, with the problems as detail.</summary>
public sealed class HealthBadgeSource(HealthEvaluator evaluator, TimeProvider clock) : IEntityBadgeSource
{
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<EntityBadge>>> GetBadgesAsync(IReadOnlyCollection<long> entityIds, CancellationToken cancellationToken)
    {
        if (entityIds.Count == 0) return new Dictionary<long, IReadOnlyList<EntityBadge>>();
        var health = await evaluator.EvaluateAsync(entityIds, clock.GetUtcNow(), cancellationToken);
        return health.ToDictionary(h => h.EntityId, h => (IReadOnlyList<EntityBadge>)[Badge(h)]);
    }

    public static EntityBadge Badge(EntityHealth health) => health.Severity switch
    {
        HealthSeverity.Failing => new EntityBadge(health.Problems.Any(p => p.Kind == HealthProblemKind.Late) ? "Late" : "Failing", EntityBadgeTone.Bad)
        {
            Detail = string.Join(" ", health.Problems.Select(p => p.Summary)),
            Href = "/health",
        },
        HealthSeverity.Warning => new EntityBadge("Warning", EntityBadgeTone.Warning)
        {
            Detail = string.Join(" ", health.Problems.Select(p => p.Summary)),
            Href = "/health",
        },
        _ => new EntityBadge("Healthy", EntityBadgeTone.Good) { Detail = "On time, latest run succeeded and checks pass." },
    };
}
