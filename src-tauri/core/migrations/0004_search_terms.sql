-- Schema version 4: the term dictionary.
-- Every word the search index holds, so that a prefix query can expand to
-- the words that start with it (see src/search.rs). Written with the index,
-- in the same transaction; filled here from the index itself.
CREATE TABLE search_terms (
    term TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

CREATE VIRTUAL TABLE temp.search_vocabulary USING fts5vocab (main, article_search, row);
INSERT INTO search_terms (term) SELECT term FROM temp.search_vocabulary;
DROP TABLE temp.search_vocabulary;
