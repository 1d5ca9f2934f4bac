namespace Catalog.Generator;

/// <summary>
/// Database ids of the generated entities, in generation order (teams, users, event types, workflows, endpoints).
/// COPY takes identity values from one sequence in row order, so reading the generated rows back ordered by id
/// gives them in the order they were written, even if other sessions insert at the same time.
/// </summary>
public sealed class EntityIds(long[] ids, GeneratorProfile profile)
{
    public long Team(int t) => ids[t];
    public long User(int u) => ids[profile.Teams + u];
    public long EventType(int e) => ids[profile.Teams + profile.Users + e];
    public long Workflow(int w) => ids[profile.Teams + profile.Users + profile.EventTypes + w];
    public long Endpoint(int d) => ids[profile.Teams + profile.Users + profile.EventTypes + profile.Workflows + d];
    public ReadOnlySpan<long> All => ids;
}
