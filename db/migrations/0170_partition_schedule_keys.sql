-- A daily partition's key is the date, in its writer's schedule zone, on which its period starts (the rule of
-- Partition.KeyFor and health's SchedulePeriods). OpenLineage events name no zone, and producers usually write
-- nominal times in UTC: a job scheduled at local midnight in Europe/Stockholm or Asia/Tokyo starts its period on
-- the previous UTC day, so the harvester's key was one day off and health saw the endpoint late every day. The
-- store now keys such a partition with the writing job's schedule zone when the job has a schedule.

-- The date of period_start in zone; null for a zone PostgreSQL does not know (the caller keeps its own key). Apart
-- from the caller so that the exception block (a subtransaction) is entered only when there is a zone to try.
CREATE FUNCTION partition_local_date(period_start timestamptz, zone text) RETURNS text
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN to_char(period_start AT TIME ZONE zone, 'YYYY-MM-DD');
EXCEPTION WHEN invalid_parameter_value THEN
    RETURN NULL;
END $$;

-- The key of a daily partition whose period starts at period_start, written by job_ref (an entity ref), in that
-- job's schedule zone; null when the partition is not daily, the start or job is unknown, or the job has no schedule.
CREATE FUNCTION partition_schedule_key(period_start timestamptz, granularity text, job_ref text) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT partition_local_date(period_start, j.time_zone)
    FROM entities e JOIN jobs j ON j.entity_id = e.id
    WHERE granularity = 'daily' AND period_start IS NOT NULL AND e.ref = job_ref AND j.schedule_kind <> 'none';
$$;
