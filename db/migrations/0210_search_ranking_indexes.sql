-- Search, phase-1 candidates (see src/Plugins/Catalog.Plugins.Search/Postgres/SearchSql.cs):
-- filter-only searches take the most useful documents first, straight from this index instead of sorting them all.
CREATE INDEX IF NOT EXISTS search_documents_popularity ON search_documents (popularity DESC, id);
