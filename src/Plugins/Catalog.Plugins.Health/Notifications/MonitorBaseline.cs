using Catalog.Plugins.Health.Evaluation;
using Catalog.Domain.Health;

namespace Catalog.Plugins.Health.Notifications;

/// <summary>
/// The health monitor's first check: when it was taken, how many problems it found, and which of them are still
/// current (entity id, problem kind, subject). Those were never notified; /health says so next to them.
/// </summary>
public sealed record MonitorBaseline(DateTimeOffset TakenAt, int Size, IReadOnlySet<(long EntityId, string Kind, string Subject)> StillCurrent)
{
    public bool Recorded(EntityHealth entity, HealthProblem problem) =>
        StillCurrent.Contains((entity.EntityId, HealthNotifier.Kind(problem.Kind), problem.Subject));
}
