-- Indexes the harvest engine's stale removal and replay need: what a location claimed, and failed raw inputs by run.
-- Additive only (safe on a database with data).
CREATE INDEX IF NOT EXISTS lineage_edges_source ON lineage_edges (source_location) WHERE source_location IS NOT NULL;
CREATE INDEX IF NOT EXISTS column_lineage_edges_source ON column_lineage_edges (source_location) WHERE source_location IS NOT NULL;
CREATE INDEX IF NOT EXISTS entity_relations_source ON entity_relations (source_location) WHERE source_location IS NOT NULL;
CREATE INDEX IF NOT EXISTS harvest_errors_raw_input ON harvest_errors (raw_input_id) WHERE raw_input_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS raw_inputs_run ON raw_inputs (run_id);
