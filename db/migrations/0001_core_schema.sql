-- Core catalog schema: entities of every kind, dataset detail, workflows and runs, lineage, policies,
-- quality, schema versions, audit, and the harvest bookkeeping that makes ingestion safe and replayable.
-- Forward-only: never edit an applied migration; add a new numbered file instead (see db/README.md).

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Every catalog entity, whatever its kind. Kind-specific detail hangs off entity_id in the tables below.
CREATE TABLE entities (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind ~ '^[a-z0-9-]{1,40}$'),
    namespace       text        NOT NULL CHECK (length(namespace) BETWEEN 1 AND 1024),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 1024),
    ref             text        GENERATED ALWAYS AS (kind || ':' || namespace || ':' || name) STORED,
    title           text        CHECK (length(title) <= 512),
    description     text        CHECK (length(description) <= 65536),
    owner_ref       text,
    platform        text,
    location        text,
    classification  text        NOT NULL DEFAULT 'internal' CHECK (classification IN ('public', 'internal', 'confidential', 'pii')),
    lifecycle       text        NOT NULL DEFAULT 'active' CHECK (lifecycle IN ('active', 'deprecated', 'removed', 'deleted')),
    -- 'restricted' metadata is visible only to owners, principals granted read, auditors and admins (see VisibilityFilter).
    visibility      text        NOT NULL DEFAULT 'everyone' CHECK (visibility IN ('everyone', 'restricted')),
    tags            text[]      NOT NULL DEFAULT '{}',
    -- Facets the catalog has no model for, kept verbatim by name (OpenLineage custom facets, dbt meta...).
    facets          jsonb       NOT NULL DEFAULT '{}',
    -- The harvest location that last reported this entity; stale removal works per location.
    source_location text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    removed_at      timestamptz,
    -- Optimistic concurrency for edits made in the portal.
    version         integer     NOT NULL DEFAULT 1,
    CONSTRAINT entities_identity UNIQUE (kind, namespace, name)
);
CREATE UNIQUE INDEX entities_ref ON entities (ref);
CREATE INDEX entities_owner ON entities (owner_ref);
CREATE INDEX entities_source ON entities (source_location);
CREATE INDEX entities_kind_lifecycle ON entities (kind, lifecycle);

-- Dataset (data endpoint) detail.
CREATE TABLE datasets (
    entity_id     bigint PRIMARY KEY REFERENCES entities (id) ON DELETE CASCADE,
    partitioning  text   NOT NULL DEFAULT 'none' CHECK (partitioning IN ('none', 'hourly', 'daily')),
    storage_class text
);

-- Columns. Nested fields are flattened to dotted paths.
CREATE TABLE dataset_fields (
    entity_id      bigint  NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    ordinal        integer NOT NULL,
    name           text    NOT NULL CHECK (length(name) <= 512),
    data_type      text    CHECK (length(data_type) <= 1024),
    description    text    CHECK (length(description) <= 65536),
    nullable       boolean,
    tags           text[]  NOT NULL DEFAULT '{}',
    classification text    CHECK (classification IN ('public', 'internal', 'confidential', 'pii')),
    PRIMARY KEY (entity_id, name)
);

CREATE TABLE partitions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset_id    bigint      NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    partition_key text        NOT NULL,
    granularity   text        NOT NULL DEFAULT 'none' CHECK (granularity IN ('none', 'hourly', 'daily')),
    row_count     bigint,
    bytes         bigint,
    created_at    timestamptz NOT NULL DEFAULT now(),
    run_id        uuid,
    CONSTRAINT partitions_key UNIQUE (dataset_id, partition_key)
);
CREATE INDEX partitions_dataset_created ON partitions (dataset_id, created_at DESC);

-- Workflow (job) detail.
CREATE TABLE jobs (
    entity_id        bigint  PRIMARY KEY REFERENCES entities (id) ON DELETE CASCADE,
    job_type         text,
    schedule_kind    text    NOT NULL DEFAULT 'none' CHECK (schedule_kind IN ('none', 'hourly', 'daily', 'cron')),
    cron             text,
    time_zone        text    NOT NULL DEFAULT 'UTC',
    deadline_minutes integer NOT NULL DEFAULT 120 CHECK (deadline_minutes BETWEEN 0 AND 100000),
    sql              text,
    source_code_url  text
);

CREATE TABLE runs (
    id            uuid PRIMARY KEY,
    job_id        bigint      NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    state         text        NOT NULL CHECK (state IN ('new', 'running', 'completed', 'failed', 'aborted')),
    nominal_start timestamptz,
    nominal_end   timestamptz,
    started_at    timestamptz,
    ended_at      timestamptz,
    error_message text,
    parent_run_id uuid,
    facets        jsonb       NOT NULL DEFAULT '{}',
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX runs_job_started ON runs (job_id, started_at DESC);
CREATE INDEX runs_state ON runs (state) WHERE state IN ('running', 'failed');

-- Lineage in the direction data flows: dataset -reads-> job -writes-> dataset, or dataset -derived_from-> dataset.
CREATE TABLE lineage_edges (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_id         bigint      NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    to_id           bigint      NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    edge_kind       text        NOT NULL CHECK (edge_kind IN ('reads', 'writes', 'derived_from')),
    run_id          uuid,
    source_location text,
    first_seen      timestamptz NOT NULL DEFAULT now(),
    last_seen       timestamptz NOT NULL DEFAULT now(),
    removed_at      timestamptz,
    CONSTRAINT lineage_edges_identity UNIQUE (from_id, to_id, edge_kind)
);
CREATE INDEX lineage_edges_to ON lineage_edges (to_id);

CREATE TABLE column_lineage_edges (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_dataset_id        bigint      NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    from_field             text        NOT NULL,
    to_dataset_id          bigint      NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    to_field               text        NOT NULL,
    transformation_type    text,
    transformation_subtype text,
    description            text,
    job_id                 bigint REFERENCES entities (id) ON DELETE SET NULL,
    source_location        text,
    first_seen             timestamptz NOT NULL DEFAULT now(),
    last_seen              timestamptz NOT NULL DEFAULT now(),
    removed_at             timestamptz,
    CONSTRAINT column_lineage_identity UNIQUE (from_dataset_id, from_field, to_dataset_id, to_field)
);
CREATE INDEX column_lineage_to ON column_lineage_edges (to_dataset_id, to_field);

-- Relations between entities in Backstage's vocabulary (ownedBy, memberOf, partOf, dependsOn...).
CREATE TABLE entity_relations (
    from_id         bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    relation        text   NOT NULL,
    to_id           bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    source_location text,
    PRIMARY KEY (from_id, relation, to_id)
);
CREATE INDEX entity_relations_to ON entity_relations (to_id, relation);

-- Retention: one row per scope (an entity, a namespace default, a classification default/cap) and origin.
CREATE TABLE retention_policies (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope          text        NOT NULL CHECK (scope IN ('entity', 'namespace', 'classification')),
    entity_id      bigint REFERENCES entities (id) ON DELETE CASCADE,
    namespace      text,
    classification text CHECK (classification IN ('public', 'internal', 'confidential', 'pii')),
    mode           text        NOT NULL CHECK (mode IN ('keep_days', 'keep_latest', 'keep_forever')),
    value          integer CHECK (value IS NULL OR value > 0),
    -- For classification scope: the longest retention (days) any dataset of that classification may have.
    max_days       integer CHECK (max_days IS NULL OR max_days > 0),
    justification  text CHECK (length(justification) <= 4096),
    origin         text        NOT NULL CHECK (origin IN ('portal', 'descriptor')),
    updated_by     text,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        integer     NOT NULL DEFAULT 1,
    CHECK ((scope = 'entity') = (entity_id IS NOT NULL)),
    CHECK ((scope = 'namespace') = (namespace IS NOT NULL)),
    CHECK ((scope = 'classification') = (classification IS NOT NULL))
);
CREATE UNIQUE INDEX retention_entity ON retention_policies (entity_id, origin) WHERE scope = 'entity';
CREATE UNIQUE INDEX retention_namespace ON retention_policies (namespace, origin) WHERE scope = 'namespace';
CREATE UNIQUE INDEX retention_classification ON retention_policies (classification, origin) WHERE scope = 'classification';

CREATE TABLE access_grants (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity_id     bigint      NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    principal_ref text        NOT NULL,
    permission    text        NOT NULL CHECK (permission IN ('read', 'write')),
    origin        text        NOT NULL CHECK (origin IN ('portal', 'descriptor')),
    granted_by    text,
    granted_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz,
    CONSTRAINT access_grants_identity UNIQUE (entity_id, principal_ref, permission, origin)
);
CREATE INDEX access_grants_principal ON access_grants (principal_ref);

CREATE TABLE quality_results (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset_id   bigint      NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    check_name   text        NOT NULL,
    column_name  text,
    framework    text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('passed', 'warned', 'failed', 'errored', 'skipped')),
    executed_at  timestamptz NOT NULL,
    message      text,
    run_id       uuid,
    CONSTRAINT quality_results_identity UNIQUE (dataset_id, check_name, framework, executed_at)
);
CREATE INDEX quality_results_dataset ON quality_results (dataset_id, executed_at DESC);

CREATE TABLE schema_versions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity_id     bigint      NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    version       integer     NOT NULL,
    fingerprint   text        NOT NULL,
    definition    text        NOT NULL,
    compatibility text        NOT NULL CHECK (compatibility IN ('initial', 'full', 'backward', 'forward', 'breaking')),
    changes       jsonb       NOT NULL DEFAULT '[]',
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT schema_versions_number UNIQUE (entity_id, version),
    CONSTRAINT schema_versions_fingerprint UNIQUE (entity_id, fingerprint)
);

-- Append-only audit trail, hash-chained (hash = sha256(prev_hash || canonical row)).
CREATE TABLE audit_events (
    sequence    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    target      text,
    before      jsonb,
    after       jsonb,
    reason      text,
    succeeded   boolean     NOT NULL DEFAULT true,
    prev_hash   bytea,
    hash        bytea
);
CREATE INDEX audit_events_target ON audit_events (target);
CREATE INDEX audit_events_actor ON audit_events (actor, occurred_at DESC);

-- Harvest bookkeeping.
CREATE TABLE harvest_runs (
    id                uuid PRIMARY KEY,
    harvester         text        NOT NULL,
    target            text        NOT NULL,
    started_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz,
    status            text        NOT NULL CHECK (status IN ('running', 'succeeded', 'partial', 'failed', 'abandoned')),
    inputs_seen       integer     NOT NULL DEFAULT 0,
    inputs_skipped    integer     NOT NULL DEFAULT 0,
    inputs_failed     integer     NOT NULL DEFAULT 0,
    items_applied     integer     NOT NULL DEFAULT 0,
    entities_removed  integer     NOT NULL DEFAULT 0,
    error_count       integer     NOT NULL DEFAULT 0,
    host              text,
    summary           text
);
CREATE INDEX harvest_runs_started ON harvest_runs (started_at DESC);

-- Every raw input is stored before it is processed, so a processing bug loses nothing and inputs can be replayed.
CREATE TABLE raw_inputs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id       uuid REFERENCES harvest_runs (id) ON DELETE SET NULL,
    harvester    text        NOT NULL,
    location     text        NOT NULL,
    media_type   text        NOT NULL,
    content_hash text        NOT NULL,
    payload      bytea       NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    status       text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processed', 'failed', 'skipped')),
    error        text
);
CREATE INDEX raw_inputs_location ON raw_inputs (harvester, location, received_at DESC);
CREATE INDEX raw_inputs_status ON raw_inputs (status) WHERE status <> 'processed';

-- The last successfully processed content per location: unchanged inputs are skipped.
CREATE TABLE harvest_inputs (
    harvester     text        NOT NULL,
    location      text        NOT NULL,
    content_hash  text        NOT NULL,
    last_run_id   uuid,
    processed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (harvester, location)
);

CREATE TABLE harvest_errors (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id       uuid REFERENCES harvest_runs (id) ON DELETE CASCADE,
    harvester    text        NOT NULL,
    location     text        NOT NULL,
    position     text,
    reason       text        NOT NULL,
    raw_input_id bigint REFERENCES raw_inputs (id) ON DELETE SET NULL,
    occurred_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX harvest_errors_run ON harvest_errors (run_id);
