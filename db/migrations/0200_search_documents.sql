-- Search: one document row per visible-lifecycle entity, kept in step with the core tables by triggers in the
-- same transaction as the harvest that changed them (so search never shows a deleted entity or misses a new one).
-- Weights: A name / qualified name, B columns / tags / owner, C title, D description.
-- Safe on a database with data: the last statement builds documents for every existing entity.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- English stemming without a stop-word list: names like "is_active" or "the_orders" keep every word.
CREATE TEXT SEARCH DICTIONARY catalog_search_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION catalog_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION catalog_search
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, catalog_search_stem;

-- unaccent(text) is only STABLE (it looks its dictionary up by name); naming the dictionary makes it immutable.
CREATE FUNCTION search_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(public.unaccent('public.unaccent'::regdictionary, value));

-- Identifiers to words: "customerOrders_v2" -> "customer orders v2", "public.orders" -> "public orders".
CREATE FUNCTION search_words(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN search_fold(btrim(regexp_replace(
        regexp_replace(coalesce(value, ''), '([[:lower:][:digit:]])([[:upper:]])', '\1 \2', 'g'),
        '[^[:alnum:]]+', ' ', 'g')));

-- The last segment of a dotted or slashed name: "public.orders" -> "orders", "gs://b/x/events" -> "events".
CREATE FUNCTION search_short_name(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN search_fold(coalesce(nullif(substring(value FROM '([^./:]+)[./:]*$'), ''), value));

CREATE TABLE search_documents (
    -- Same id, visibility and owner_ref column names as entities, so Catalog.Storage.VisibilityFilter reads either.
    id             bigint      PRIMARY KEY REFERENCES entities (id) ON DELETE CASCADE,
    ref            text        NOT NULL,
    kind           text        NOT NULL,
    namespace      text        NOT NULL,
    name           text        NOT NULL,
    qualified_name text,
    title          text,
    -- The first 8 KB of the description: enough for a snippet, bounded for ts_headline.
    description    text,
    columns        text[]      NOT NULL DEFAULT '{}',
    column_keys    text[]      NOT NULL DEFAULT '{}',
    tags           text[]      NOT NULL DEFAULT '{}',
    tag_keys       text[]      NOT NULL DEFAULT '{}',
    owner_ref      text,
    owner_key      text,
    platform       text,
    platform_key   text,
    classification text        NOT NULL,
    visibility     text        NOT NULL,
    deprecated     boolean     NOT NULL DEFAULT false,
    popularity     real        NOT NULL DEFAULT 0,
    name_key       text        NOT NULL,
    short_key      text        NOT NULL,
    qualified_key  text,
    document       tsvector    NOT NULL,
    -- 'core' when built by the triggers below; otherwise the ISearchDocumentSource that contributed it.
    source         text        NOT NULL DEFAULT 'core',
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX search_documents_document ON search_documents USING gin (document);
CREATE INDEX search_documents_name_trgm ON search_documents USING gin (name_key gin_trgm_ops);
CREATE INDEX search_documents_name_key ON search_documents (name_key text_pattern_ops);
CREATE INDEX search_documents_short_key ON search_documents (short_key text_pattern_ops);
CREATE INDEX search_documents_qualified_key ON search_documents (qualified_key);
CREATE INDEX search_documents_kind ON search_documents (kind);
CREATE INDEX search_documents_owner ON search_documents (owner_key);
CREATE INDEX search_documents_namespace ON search_documents (namespace);
CREATE INDEX search_documents_platform ON search_documents (platform_key);
CREATE INDEX search_documents_tags ON search_documents USING gin (tag_keys);
CREATE INDEX search_documents_columns ON search_documents USING gin (column_keys);

-- Distinct words of names and columns: a small lexicon that a misspelt query word is matched against
-- (trigram + edit distance) and expanded into the words that exist.
-- C collation so "word LIKE 'abc%'" (is the query word a prefix of a known word?) uses the primary key.
CREATE TABLE search_words (word text COLLATE "C" PRIMARY KEY);
CREATE INDEX search_words_trgm ON search_words USING gin (word gin_trgm_ops);

-- Kinds whose documents come from a plugin's ISearchDocumentSource instead of the triggers. Changes to entities
-- of these kinds are queued in search_outbox (same transaction) and the portal asks the source for documents.
CREATE TABLE search_source_kinds (
    kind   text PRIMARY KEY,
    source text NOT NULL
);
CREATE TABLE search_outbox (
    entity_id   bigint      PRIMARY KEY,
    enqueued_at timestamptz NOT NULL DEFAULT now()
);

-- Usefulness: downstream consumers (outgoing lineage), runs in the last week, and how fresh the newest partition is.
CREATE FUNCTION search_popularity(entity_id bigint) RETURNS real
    LANGUAGE sql STABLE
    RETURN (
        ln(1 + (SELECT count(*) FROM lineage_edges l WHERE l.from_id = entity_id AND l.removed_at IS NULL))
        + 0.5 * ln(1 + (SELECT count(*) FROM runs r WHERE r.job_id = entity_id AND r.started_at > now() - interval '7 days'))
        + coalesce((SELECT CASE WHEN max(p.created_at) > now() - interval '2 days' THEN 1.0
                                WHEN max(p.created_at) > now() - interval '14 days' THEN 0.5 ELSE 0 END
                    FROM partitions p WHERE p.dataset_id = entity_id), 0))::real;

-- (Re)builds the documents of the given entities: upserts active/deprecated ones, drops removed/deleted/gone ones,
-- queues kinds owned by a document source, and adds new name/column words to the lexicon.
CREATE FUNCTION search_refresh_documents(ids bigint[]) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_documents d
    WHERE d.id = ANY (ids)
      AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = d.id AND e.lifecycle IN ('active', 'deprecated'));

    INSERT INTO search_outbox (entity_id)
    SELECT e.id FROM unnest(ids) AS t(id) JOIN entities e ON e.id = t.id
    WHERE e.lifecycle IN ('active', 'deprecated') AND e.kind IN (SELECT kind FROM search_source_kinds)
    ON CONFLICT (entity_id) DO NOTHING;

    WITH changed AS (
        SELECT e.*, coalesce(e.location, e.namespace || '.' || e.name) AS qualified,
               f.columns, f.column_tags
        FROM (SELECT DISTINCT id FROM unnest(ids) AS t(id)) t
        JOIN entities e ON e.id = t.id
        LEFT JOIN LATERAL (
            SELECT coalesce(array_agg(x.name ORDER BY x.ordinal), '{}') AS columns,
                   coalesce(array_agg(DISTINCT tag) FILTER (WHERE tag IS NOT NULL), '{}') AS column_tags
            FROM (SELECT name, ordinal, tags FROM dataset_fields WHERE entity_id = e.id ORDER BY ordinal LIMIT 2000) x
            LEFT JOIN LATERAL unnest(x.tags) AS tag ON true
        ) f ON true
        WHERE e.lifecycle IN ('active', 'deprecated')
          AND e.kind NOT IN (SELECT kind FROM search_source_kinds)
    ), upserted AS (
        INSERT INTO search_documents AS d (
            id, ref, kind, namespace, name, qualified_name, title, description, columns, column_keys, tags, tag_keys,
            owner_ref, owner_key, platform, platform_key, classification, visibility, deprecated, popularity,
            name_key, short_key, qualified_key, document, source, updated_at)
        SELECT c.id, c.ref, c.kind, c.namespace, c.name, c.qualified, c.title, left(c.description, 8192),
               c.columns, (SELECT coalesce(array_agg(DISTINCT search_fold(col)), '{}') FROM unnest(c.columns) col),
               c.tags, (SELECT coalesce(array_agg(DISTINCT search_fold(tag)), '{}') FROM unnest(c.tags || c.column_tags) tag),
               c.owner_ref, search_fold(substring(c.owner_ref FROM '[^:]+$')),
               c.platform, search_fold(c.platform), c.classification, c.visibility, c.lifecycle = 'deprecated',
               search_popularity(c.id),
               search_fold(c.name), search_short_name(c.name), search_fold(c.qualified),
               setweight(to_tsvector('catalog_search', search_words(c.name)), 'A')
               || setweight(to_tsvector('catalog_search', search_words(c.qualified) || ' '
                            || search_words(array_to_string(c.columns, ' ')) || ' '
                            || search_words(array_to_string(c.tags || c.column_tags, ' ')) || ' '
                            || search_words(substring(c.owner_ref FROM '[^:]+$'))), 'B')
               || setweight(to_tsvector('catalog_search', coalesce(c.title, '')), 'C')
               || setweight(to_tsvector('catalog_search', coalesce(c.description, '')), 'D'),
               'core', now()
        FROM changed c
        ON CONFLICT (id) DO UPDATE SET
            ref = excluded.ref, kind = excluded.kind, namespace = excluded.namespace, name = excluded.name,
            qualified_name = excluded.qualified_name, title = excluded.title, description = excluded.description,
            columns = excluded.columns, column_keys = excluded.column_keys, tags = excluded.tags,
            tag_keys = excluded.tag_keys, owner_ref = excluded.owner_ref, owner_key = excluded.owner_key,
            platform = excluded.platform, platform_key = excluded.platform_key,
            classification = excluded.classification, visibility = excluded.visibility,
            deprecated = excluded.deprecated, popularity = excluded.popularity, name_key = excluded.name_key,
            short_key = excluded.short_key, qualified_key = excluded.qualified_key, document = excluded.document,
            source = excluded.source, updated_at = excluded.updated_at
        RETURNING d.name, d.columns
    )
    INSERT INTO search_words (word)
    SELECT DISTINCT w
    FROM upserted u,
         regexp_split_to_table(search_words(u.name) || ' ' || search_words(array_to_string(u.columns, ' ')), ' ') AS w
    WHERE length(w) BETWEEN 3 AND 64
    ON CONFLICT (word) DO NOTHING;
END
$$;

-- Only popularity changes when lineage, runs or partitions change: cheaper than a whole rebuild of the document.
CREATE FUNCTION search_refresh_popularity(ids bigint[]) RETURNS void
    LANGUAGE sql AS $$
    UPDATE search_documents d SET popularity = search_popularity(d.id)
    WHERE d.id IN (SELECT DISTINCT unnest(ids));
$$;

-- Statement-level triggers with transition tables: one set-based refresh per harvest statement, not per row.
CREATE FUNCTION search_on_entities_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_refresh_documents(ARRAY(SELECT id FROM changed_rows));
    RETURN NULL;
END $$;
CREATE TRIGGER search_entities_inserted AFTER INSERT ON entities
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_entities_changed();
CREATE TRIGGER search_entities_updated AFTER UPDATE ON entities
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_entities_changed();

CREATE FUNCTION search_on_fields_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_refresh_documents(ARRAY(SELECT DISTINCT entity_id FROM changed_rows));
    RETURN NULL;
END $$;
CREATE TRIGGER search_fields_inserted AFTER INSERT ON dataset_fields
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_fields_changed();
CREATE TRIGGER search_fields_updated AFTER UPDATE ON dataset_fields
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_fields_changed();
CREATE TRIGGER search_fields_deleted AFTER DELETE ON dataset_fields
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_fields_changed();

CREATE FUNCTION search_on_lineage_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_refresh_popularity(ARRAY(SELECT from_id FROM changed_rows));
    RETURN NULL;
END $$;
CREATE TRIGGER search_lineage_inserted AFTER INSERT ON lineage_edges
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_lineage_changed();
CREATE TRIGGER search_lineage_updated AFTER UPDATE ON lineage_edges
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_lineage_changed();
CREATE TRIGGER search_lineage_deleted AFTER DELETE ON lineage_edges
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_lineage_changed();

CREATE FUNCTION search_on_runs_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_refresh_popularity(ARRAY(SELECT job_id FROM changed_rows));
    RETURN NULL;
END $$;
CREATE TRIGGER search_runs_inserted AFTER INSERT ON runs
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_runs_inserted();

CREATE FUNCTION search_on_partitions_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_refresh_popularity(ARRAY(SELECT dataset_id FROM changed_rows));
    RETURN NULL;
END $$;
CREATE TRIGGER search_partitions_inserted AFTER INSERT ON partitions
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_partitions_inserted();

-- Documents for whatever the database already holds.
SELECT search_refresh_documents(ARRAY(SELECT id FROM entities));
