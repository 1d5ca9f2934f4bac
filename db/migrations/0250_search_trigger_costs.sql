-- Search: what the search triggers cost every harvest statement (profiled on HTTP ingest: ~69 of ~80 ms of database
-- time per OpenLineage event went to them).
--
-- 1. Statements that change no row still fire statement triggers (an upsert whose rows were all unchanged, since
--    unchanged rows are no longer rewritten): return at once on an empty transition table (~1 ms each before).
-- 2. Popularity is kept to one decimal, and a document is only updated when that value changes. Every run and
--    partition used to rewrite its job's or dataset's document (a non-HOT update touching every index of
--    search_documents, 3-8 ms on the 1 M benchmark catalog) to move popularity by ~0.003; ranking weighs popularity
--    by 5, so a step of 0.1 is half a point of score.

CREATE OR REPLACE FUNCTION search_popularity(entity_id bigint) RETURNS real
    LANGUAGE sql STABLE
    RETURN round((
        ln(1 + (SELECT count(*) FROM lineage_edges l WHERE l.from_id = entity_id AND l.removed_at IS NULL))
        + 0.5 * ln(1 + (SELECT count(*) FROM runs r WHERE r.job_id = entity_id AND r.started_at > now() - interval '7 days'))
        + coalesce((SELECT CASE WHEN max(p.created_at) > now() - interval '2 days' THEN 1.0
                                WHEN max(p.created_at) > now() - interval '14 days' THEN 0.5 ELSE 0 END
                    FROM partitions p WHERE p.dataset_id = entity_id), 0))::numeric, 1)::real;

CREATE OR REPLACE FUNCTION search_refresh_popularity(ids bigint[]) RETURNS void
    LANGUAGE sql AS $$
    UPDATE search_documents d SET popularity = p.popularity
    FROM (SELECT DISTINCT id FROM unnest(ids) AS t(id)) t
    CROSS JOIN LATERAL (SELECT search_popularity(t.id) AS popularity) p
    WHERE d.id = t.id AND d.popularity IS DISTINCT FROM p.popularity;
$$;

CREATE OR REPLACE FUNCTION search_on_entities_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM changed_rows) THEN RETURN NULL; END IF;
    PERFORM search_refresh_documents(ARRAY(SELECT id FROM changed_rows));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION search_on_fields_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM changed_rows) THEN RETURN NULL; END IF;
    PERFORM search_refresh_documents(ARRAY(SELECT DISTINCT entity_id FROM changed_rows));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION search_on_lineage_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM changed_rows) THEN RETURN NULL; END IF;
    PERFORM search_refresh_popularity(ARRAY(SELECT from_id FROM changed_rows));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION search_on_runs_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM changed_rows) THEN RETURN NULL; END IF;
    PERFORM search_refresh_popularity(ARRAY(SELECT job_id FROM changed_rows));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION search_on_partitions_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM changed_rows) THEN RETURN NULL; END IF;
    PERFORM search_refresh_popularity(ARRAY(SELECT dataset_id FROM changed_rows));
    RETURN NULL;
END $$;
