-- Schema version 2: full-text search.
-- The index holds folded text (see src/persian/fold.rs), written by Rust in
-- the same transaction as the article; it stores no copy of the text
-- (contentless): snippets are cut from `articles` and highlighted in Rust.
CREATE VIRTUAL TABLE article_search USING fts5 (
    title,
    body,
    author,
    source,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER articles_leave_search AFTER DELETE ON articles BEGIN
    DELETE FROM article_search WHERE rowid = old.id;
END;

CREATE INDEX articles_unread ON articles (sort_at DESC) WHERE read_at IS NULL;
