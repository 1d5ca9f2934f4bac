-- Secrets out of the harvest bookkeeping (issue 13, hole 1). `catalog-indexer harvest postgres "Host=…;Password=…"`
-- stored the whole connection string as the run's target, and the portal showed it to anyone. The harvest engine now
-- stores targets, locations and errors redacted (Catalog.Plugins.Harvesting.SecretRedaction); this scrubs the rows
-- written before.
--
-- catalog_redact_secrets is SecretRedaction.Redact in PostgreSQL's regex dialect: the same four patterns, in the same
-- order, each greedy so that POSIX longest-match and .NET's first-match agree (a test holds the two to the same
-- answers). It stays in the schema for operators who import old rows by hand.
CREATE OR REPLACE FUNCTION catalog_redact_secrets(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $fn$
    SELECT regexp_replace(
             regexp_replace(
               regexp_replace(
                 regexp_replace(value,
                   -- scheme://user:password@host: the password, up to the last @ of the authority
                   $re$([a-z][a-z0-9+.-]*://[^:/?#@[:space:]"']*):[^/?#[:space:]"']*@$re$, '\1:***@', 'gi'),
                 -- https://TOKEN@host
                 $re$(https?://)[^:/?#@[:space:]"']+@$re$, '\1***@', 'gi'),
               -- ?password=…&token=…
               $re$([?&])(password|passwd|pwd|pass|secret|client_secret|token|access_token|refresh_token|id_token|auth_token|api_key|apikey|api-key|key|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token)=[^&#[:space:]"']*$re$,
               '\1\2=***', 'gi'),
             -- Password=… and its kin in connection strings: quoted, or up to ; or the end of the line
             $re$(^|[;[:space:],(])(password|passwd|pwd|ssl[[:space:]]*password|pgpassword|passphrase|client[[:space:]]*secret|secret|access[[:space:]]*token|token|api[[:space:]]*key|account[[:space:]]*key|shared[[:space:]]*access[[:space:]]*key)[[:space:]]*=[[:space:]]*("([^"]|"")*"|'([^']|'')*'|[^;"'\r\n][^;\r\n]*)?$re$,
             '\1\2=***', 'gi')
$fn$;

UPDATE harvest_runs SET target = catalog_redact_secrets(target) WHERE target IS DISTINCT FROM catalog_redact_secrets(target);
UPDATE harvest_errors SET location = catalog_redact_secrets(location), position = catalog_redact_secrets(position), reason = catalog_redact_secrets(reason)
WHERE location <> catalog_redact_secrets(location) OR position IS DISTINCT FROM catalog_redact_secrets(position) OR reason <> catalog_redact_secrets(reason);
UPDATE raw_inputs SET location = catalog_redact_secrets(location), error = catalog_redact_secrets(error)
WHERE location <> catalog_redact_secrets(location) OR error IS DISTINCT FROM catalog_redact_secrets(error);
UPDATE harvest_inputs SET target = catalog_redact_secrets(target) WHERE target IS DISTINCT FROM catalog_redact_secrets(target);

-- harvest_inputs is keyed by (harvester, location). Two locations that differ only in their secret become one: the
-- row of the most recent processing is kept; the others only cost a re-harvest of that input.
DELETE FROM harvest_inputs i
WHERE i.location <> catalog_redact_secrets(i.location)
  AND EXISTS (SELECT FROM harvest_inputs o
              WHERE o.harvester = i.harvester AND catalog_redact_secrets(o.location) = catalog_redact_secrets(i.location)
                AND (o.processed_at, o.location) > (i.processed_at, i.location));
UPDATE harvest_inputs SET location = catalog_redact_secrets(location) WHERE location <> catalog_redact_secrets(location);

-- What an input claimed carries its location (stale removal works per location): the same redaction keeps them matched.
DO $do$
DECLARE
    claimed record;
BEGIN
    FOR claimed IN
        SELECT c.table_name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = current_schema() AND c.column_name = 'source_location' AND c.data_type = 'text'
        ORDER BY c.table_name
    LOOP
        EXECUTE format('UPDATE %I SET source_location = catalog_redact_secrets(source_location) WHERE source_location <> catalog_redact_secrets(source_location)',
                       claimed.table_name);
    END LOOP;
END
$do$;
