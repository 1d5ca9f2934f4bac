-- Trust of metadata sources (issue 13, hole 2): which source may set which governance facts, who may push, and an
-- audit of every governance change a harvest makes. See docs/GOVERNANCE.md, "Trust of metadata sources".

-- The authoritative source that last described an entity (TrustOptions: Authoritative). A source that is not
-- authoritative (a pushed OpenLineage event) no longer rewrites such an entity's title, description or columns.
ALTER TABLE entities ADD COLUMN IF NOT EXISTS described_by text CHECK (length(described_by) <= 200);

-- Entities some authoritative source already described: the sources that held every row's description before this
-- migration are the pulled ones (descriptors, dbt, …), which claim what they report through source_location.
UPDATE entities SET described_by = 'unknown (before migration 0620)' WHERE source_location IS NOT NULL AND described_by IS NULL;

-- Machine accounts: may hold ingest tokens, nothing more than a viewer otherwise.
INSERT INTO identity_roles (id, name, normalized_name, concurrency_stamp) VALUES ('role-service', 'service', 'SERVICE', 'role-service')
ON CONFLICT DO NOTHING;

-- The namespaces an ingest token may write ('*' = every namespace); empty for read-only tokens.
ALTER TABLE api_tokens ADD COLUMN IF NOT EXISTS namespaces text[] NOT NULL DEFAULT '{}';
-- Why a token stopped working without its owner revoking it.
ALTER TABLE api_tokens ADD COLUMN IF NOT EXISTS disabled_reason text CHECK (length(disabled_reason) <= 4096);

-- Existing ingest tokens were minted by anyone signed in. An admin's keep working for every namespace (the admin can
-- mint narrower ones); everyone else's are disabled, with the reason shown in the token list.
UPDATE api_tokens t SET namespaces = '{*}'
WHERE 'ingest' = ANY (t.scopes) AND EXISTS (
    SELECT 1 FROM identity_user_roles ur JOIN identity_roles r ON r.id = ur.role_id
    WHERE ur.user_id = t.user_id AND r.name IN ('admin', 'service'));
UPDATE api_tokens t SET revoked_at = now(), revoked_by = 'migration 0620',
    disabled_reason = 'Disabled by migration 0620: ingest tokens are now only for admins and service accounts, and bound to namespaces. '
                   || 'An admin can mint a new one (Account > API tokens) with the namespaces it may write.'
WHERE 'ingest' = ANY (t.scopes) AND t.revoked_at IS NULL AND t.namespaces = '{}';

-- Governance changes a harvest transaction made, collected by triggers and folded into the hash-chained audit trail
-- by the harvest engine before the same transaction commits (so a change and its audit event land together). The
-- triggers record only when the transaction set catalog.harvest_audit = 'on' (the engine does, portal services
-- audit their own changes), so rows never outlive their transaction; UNLOGGED because nothing here must survive a crash.
CREATE UNLOGGED TABLE harvest_governance_changes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx         bigint NOT NULL DEFAULT txid_current(),
    entity_ref text   NOT NULL,
    fact       text   NOT NULL CHECK (fact IN ('owner', 'classification', 'access', 'retention')),
    change     text   NOT NULL CHECK (change IN ('changed', 'added', 'removed')),
    before     jsonb,
    after      jsonb
);
CREATE INDEX harvest_governance_changes_tx ON harvest_governance_changes (tx);

CREATE FUNCTION harvest_audit_on() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('catalog.harvest_audit', true), '') = 'on' $$;

CREATE FUNCTION harvest_audit_ref(entity bigint) RETURNS text LANGUAGE sql STABLE AS
$$ SELECT coalesce((SELECT ref FROM entities WHERE id = entity), 'entity ' || entity) $$;

CREATE FUNCTION harvest_audit_entities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT harvest_audit_on() THEN RETURN NULL; END IF;
    IF OLD.owner_ref IS DISTINCT FROM NEW.owner_ref THEN
        INSERT INTO harvest_governance_changes (entity_ref, fact, change, before, after)
        VALUES (NEW.ref, 'owner', 'changed', to_jsonb(OLD.owner_ref), to_jsonb(NEW.owner_ref));
    END IF;
    IF OLD.classification IS DISTINCT FROM NEW.classification THEN
        INSERT INTO harvest_governance_changes (entity_ref, fact, change, before, after)
        VALUES (NEW.ref, 'classification', 'changed', to_jsonb(OLD.classification), to_jsonb(NEW.classification));
    END IF;
    IF OLD.visibility IS DISTINCT FROM NEW.visibility THEN
        INSERT INTO harvest_governance_changes (entity_ref, fact, change, before, after)
        VALUES (NEW.ref, 'access', 'changed', jsonb_build_object('visibility', OLD.visibility), jsonb_build_object('visibility', NEW.visibility));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER entities_harvest_audit AFTER UPDATE ON entities FOR EACH ROW
    WHEN (OLD.owner_ref IS DISTINCT FROM NEW.owner_ref OR OLD.classification IS DISTINCT FROM NEW.classification
          OR OLD.visibility IS DISTINCT FROM NEW.visibility)
    EXECUTE FUNCTION harvest_audit_entities();

CREATE FUNCTION harvest_audit_fields() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT harvest_audit_on() THEN RETURN NULL; END IF;
    INSERT INTO harvest_governance_changes (entity_ref, fact, change, before, after)
    VALUES (harvest_audit_ref(NEW.entity_id), 'classification', 'changed',
            jsonb_build_object('field', OLD.name, 'classification', OLD.classification),
            jsonb_build_object('field', NEW.name, 'classification', NEW.classification));
    RETURN NULL;
END $$;
CREATE TRIGGER dataset_fields_harvest_audit AFTER UPDATE ON dataset_fields FOR EACH ROW
    WHEN (OLD.classification IS DISTINCT FROM NEW.classification)
    EXECUTE FUNCTION harvest_audit_fields();

CREATE FUNCTION harvest_audit_grants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT harvest_audit_on() THEN RETURN NULL; END IF;
    INSERT INTO harvest_governance_changes (entity_ref, fact, change, before, after)
    VALUES (harvest_audit_ref(coalesce(NEW.entity_id, OLD.entity_id)), 'access',
            CASE TG_OP WHEN 'INSERT' THEN 'added' WHEN 'DELETE' THEN 'removed' ELSE 'changed' END,
            CASE WHEN TG_OP <> 'INSERT' THEN jsonb_build_object('principal', OLD.principal_ref, 'permission', OLD.permission, 'origin', OLD.origin, 'expiresAt', OLD.expires_at) END,
            CASE WHEN TG_OP <> 'DELETE' THEN jsonb_build_object('principal', NEW.principal_ref, 'permission', NEW.permission, 'origin', NEW.origin, 'expiresAt', NEW.expires_at) END);
    RETURN NULL;
END $$;
CREATE TRIGGER access_grants_harvest_audit_insert_delete AFTER INSERT OR DELETE ON access_grants FOR EACH ROW
    EXECUTE FUNCTION harvest_audit_grants();
CREATE TRIGGER access_grants_harvest_audit_update AFTER UPDATE ON access_grants FOR EACH ROW
    WHEN ((OLD.principal_ref, OLD.permission, OLD.expires_at) IS DISTINCT FROM (NEW.principal_ref, NEW.permission, NEW.expires_at))
    EXECUTE FUNCTION harvest_audit_grants();

CREATE FUNCTION harvest_audit_retention() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT harvest_audit_on() THEN RETURN NULL; END IF;
    INSERT INTO harvest_governance_changes (entity_ref, fact, change, before, after)
    VALUES (harvest_audit_ref(coalesce(NEW.entity_id, OLD.entity_id)), 'retention',
            CASE TG_OP WHEN 'INSERT' THEN 'added' WHEN 'DELETE' THEN 'removed' ELSE 'changed' END,
            CASE WHEN TG_OP <> 'INSERT' THEN jsonb_build_object('mode', OLD.mode, 'value', OLD.value, 'origin', OLD.origin) END,
            CASE WHEN TG_OP <> 'DELETE' THEN jsonb_build_object('mode', NEW.mode, 'value', NEW.value, 'origin', NEW.origin) END);
    RETURN NULL;
END $$;
CREATE TRIGGER retention_policies_harvest_audit_insert_delete AFTER INSERT OR DELETE ON retention_policies FOR EACH ROW
    EXECUTE FUNCTION harvest_audit_retention();
CREATE TRIGGER retention_policies_harvest_audit_update AFTER UPDATE ON retention_policies FOR EACH ROW
    WHEN ((OLD.mode, OLD.value) IS DISTINCT FROM (NEW.mode, NEW.value))
    EXECUTE FUNCTION harvest_audit_retention();

-- Team membership decides who owns what a team owns.
CREATE FUNCTION harvest_audit_membership() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT harvest_audit_on() THEN RETURN NULL; END IF;
    INSERT INTO harvest_governance_changes (entity_ref, fact, change, before, after)
    VALUES (harvest_audit_ref(coalesce(NEW.from_id, OLD.from_id)), 'access', CASE TG_OP WHEN 'INSERT' THEN 'added' ELSE 'removed' END,
            CASE WHEN TG_OP = 'DELETE' THEN jsonb_build_object('memberOf', harvest_audit_ref(OLD.to_id)) END,
            CASE WHEN TG_OP = 'INSERT' THEN jsonb_build_object('memberOf', harvest_audit_ref(NEW.to_id)) END);
    RETURN NULL;
END $$;
CREATE TRIGGER entity_relations_harvest_audit_insert AFTER INSERT ON entity_relations FOR EACH ROW
    WHEN (NEW.relation = 'memberOf') EXECUTE FUNCTION harvest_audit_membership();
CREATE TRIGGER entity_relations_harvest_audit_delete AFTER DELETE ON entity_relations FOR EACH ROW
    WHEN (OLD.relation = 'memberOf') EXECUTE FUNCTION harvest_audit_membership();
