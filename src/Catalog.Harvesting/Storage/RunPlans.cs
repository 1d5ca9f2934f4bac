using Catalog.Domain.Entities;
using Catalog.Domain.Workflows;
using static Catalog.Harvesting.Storage.SqlCommands;

namespace Catalog.Harvesting.Storage;

/// <summary>
/// Runs. Events arrive out of order (a START posted after its COMPLETE), so state only moves forward:
/// new &lt; running &lt; terminal, and the first terminal state reported wins.
/// </summary>
internal static class RunPlans
{
    private const string UpsertRun = """
        INSERT INTO runs AS r (id, job_id, state, nominal_start, nominal_end, started_at, ended_at, error_message, parent_run_id)
        SELECT @id, id, @state, @nominal_start, @nominal_end, @started_at, @ended_at, @error, @parent FROM entities WHERE ref = @job
        ON CONFLICT (id) DO UPDATE SET
            state = CASE WHEN (CASE EXCLUDED.state WHEN 'new' THEN 0 WHEN 'running' THEN 1 ELSE 2 END)
                            > (CASE r.state WHEN 'new' THEN 0 WHEN 'running' THEN 1 ELSE 2 END)
                         THEN EXCLUDED.state ELSE r.state END,
            nominal_start = COALESCE(EXCLUDED.nominal_start, r.nominal_start),
            nominal_end = COALESCE(EXCLUDED.nominal_end, r.nominal_end),
            started_at = LEAST(r.started_at, EXCLUDED.started_at),
            ended_at = COALESCE(r.ended_at, EXCLUDED.ended_at),
            error_message = COALESCE(EXCLUDED.error_message, r.error_message),
            parent_run_id = COALESCE(EXCLUDED.parent_run_id, r.parent_run_id),
            updated_at = now()
        """;

    public static PlannedCommand Run(Run run) => new(Command(UpsertRun,
        Uuid("id", run.Id), Text("job", run.Job.ToString()), Text("state", Wire.Of(run.State)),
        Time("nominal_start", run.NominalStart), Time("nominal_end", run.NominalEnd),
        Time("started_at", run.StartedAt), Time("ended_at", run.EndedAt),
        Text("error", Bound.Text(run.ErrorMessage, MetadataLimits.Description)), Uuid("parent", run.ParentRunId)));
}
