-- Search: kind and platform have a handful of values each, so an index on them selects a large share of the table.
-- Their only effect was to make the planner AND them with the text index's bitmap (collecting ~350,000 row
-- positions for "platform:postgres" to save a few heap checks: 80-140 ms on the 1 M benchmark catalog). These
-- filters are now checked on the rows the text index or the popularity index delivers (see SearchSql).
DROP INDEX IF EXISTS search_documents_kind;
DROP INDEX IF EXISTS search_documents_platform;
