-- Search: the name prefix branches (`name LIKE 'word%'`) check visibility and the field filters on every row the
-- prefix delivers. With those columns (and the id the branch returns) carried in the index, the check needs no
-- heap page: an index-only scan. On the 1 M benchmark catalog, "invoices platform:snowflake
-- classification:internal" read 2,627 heap pages in this branch to keep 121 rows (11 ms); from the index alone it
-- takes 1 ms. Equality on name_key/short_key (the exact-name branch) uses the same indexes.
CREATE INDEX search_documents_short_key_covering ON search_documents (short_key text_pattern_ops)
    INCLUDE (id, visibility, owner_ref, platform_key, classification, kind, namespace, owner_key);
DROP INDEX search_documents_short_key;

CREATE INDEX search_documents_name_key_covering ON search_documents (name_key text_pattern_ops)
    INCLUDE (id, visibility, owner_ref, platform_key, classification, kind, namespace, owner_key);
DROP INDEX search_documents_name_key;
