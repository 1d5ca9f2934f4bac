-- Lineage change tracking, so the portal's in-memory lineage snapshot refreshes from the rows that changed
-- instead of reloading millions of edges (see docs/ARCHITECTURE.md, "Lineage storage and query path").
--
-- Each edge row records the transaction that last changed its topology (insert, removal, restore). A reader
-- remembers the oldest transaction still running when it last read (pg_snapshot_xmin) and next time reads
-- rows with change_xid at or above it: that catches transactions that committed out of order, which a
-- plain sequence high-water mark would miss. Deleted rows leave a tombstone. Touching last_seen alone does
-- not count as a change, so re-harvesting unchanged lineage causes no refresh work.
-- Safe on a populated database: existing rows get this migration's transaction id.

ALTER TABLE lineage_edges ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX lineage_edges_change_xid ON lineage_edges (change_xid);

CREATE TABLE lineage_edge_tombstones (
    from_id    bigint      NOT NULL,
    to_id      bigint      NOT NULL,
    change_xid xid8        NOT NULL DEFAULT pg_current_xact_id(),
    deleted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lineage_edge_tombstones_change_xid ON lineage_edge_tombstones (change_xid);

CREATE FUNCTION lineage_edges_track_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO lineage_edge_tombstones (from_id, to_id) VALUES (OLD.from_id, OLD.to_id);
        RETURN OLD;
    END IF;
    IF NEW.from_id IS DISTINCT FROM OLD.from_id OR NEW.to_id IS DISTINCT FROM OLD.to_id THEN
        INSERT INTO lineage_edge_tombstones (from_id, to_id) VALUES (OLD.from_id, OLD.to_id);
        NEW.change_xid := pg_current_xact_id();
    ELSIF (NEW.removed_at IS NULL) IS DISTINCT FROM (OLD.removed_at IS NULL) THEN
        NEW.change_xid := pg_current_xact_id();
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER lineage_edges_track_update BEFORE UPDATE ON lineage_edges
    FOR EACH ROW EXECUTE FUNCTION lineage_edges_track_change();
CREATE TRIGGER lineage_edges_track_delete AFTER DELETE ON lineage_edges
    FOR EACH ROW EXECUTE FUNCTION lineage_edges_track_change();
