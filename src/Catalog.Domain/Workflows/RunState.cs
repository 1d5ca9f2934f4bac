namespace Catalog.Domain.Workflows;

/// <summary>Run states, mapped from OpenLineage event types the way Marquez maps them.</summary>
public enum RunState
{
    New,
    Running,
    Completed,
    Failed,
    Aborted,
}

public static class RunStates
{
    /// <summary>
    /// OpenLineage eventType to run state: START/RUNNING → Running, COMPLETE → Completed, FAIL → Failed,
    /// ABORT → Aborted. OTHER and a missing eventType carry metadata only and leave the state as it was (null).
    /// </summary>
    public static RunState? FromOpenLineageEventType(string? eventType) => eventType?.ToUpperInvariant() switch
    {
        "START" or "RUNNING" => RunState.Running,
        "COMPLETE" => RunState.Completed,
        "FAIL" => RunState.Failed,
        "ABORT" => RunState.Aborted,
        _ => null,
    };

    public static bool IsTerminal(this RunState state) => state is RunState.Completed or RunState.Failed or RunState.Aborted;
}
