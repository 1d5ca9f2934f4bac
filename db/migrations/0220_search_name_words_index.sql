-- Search: the words of names alone, indexed apart from the whole document. A name word's posting list is a small
-- fraction of the same word's postings across descriptions and columns, so "which documents have this word in
-- their name" is answered from a small bitmap even for words that half the descriptions contain. Same words as
-- weight A of search_documents.document (search_words(name)), so it selects exactly the documents the score's
-- name-match signal rewards. ANALYZE gives the planner this expression's word frequencies.
CREATE INDEX IF NOT EXISTS search_documents_name_words ON search_documents
    USING gin (to_tsvector('catalog_search', search_words(name)));
ANALYZE search_documents;
