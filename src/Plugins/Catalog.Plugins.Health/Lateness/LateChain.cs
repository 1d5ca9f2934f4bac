namespace Catalog.Plugins.Health.Lateness;

/// <summary>
/// One node of a why-late answer as the reader may see it. A restricted node keeps its place (so the chain stays
/// true) but carries no ref, kind or owner: <see cref="Id"/> is <c>restricted:N</c>, numbered per answer.
/// </summary>
public sealed record LateNode(string Id, string Kind, string? Owner, string? Url, IReadOnlyList<string> Causes, double ExpectedMinutes, int CycleSize = 1)
{
    public bool Restricted => Kind == "restricted";
}

/// <summary>An upstream node with a problem, at <see cref="Depth"/> hops from the late dataset.</summary>
public sealed record LateProblemNode(LateNode Node, int Depth);

/// <summary>
/// Why <see cref="Ref"/> is late or failing: its own problems, every upstream problem nearest first, the critical
/// path (source first, ending at the dataset) with its expected minutes, and the first late job on it.
/// </summary>
public sealed record LateChain(
    string Ref,
    IReadOnlyList<string> Problems,
    LateNode? FirstLate,
    IReadOnlyList<LateNode> CriticalPath,
    double CriticalMinutes,
    IReadOnlyList<LateProblemNode> Upstream,
    int CondensedCycles,
    bool Truncated);
