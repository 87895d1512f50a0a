-- Schema version 3: reading state, bookmark tags, feed sync state and the
-- offline image cache.

-- How far the reader got, 0.0 (top) to 1.0 (end).
ALTER TABLE articles ADD COLUMN reading_position REAL NOT NULL DEFAULT 0;

CREATE INDEX articles_unread_by_source ON articles (source_id) WHERE read_at IS NULL;

CREATE TABLE bookmark_tags (
    article_id INTEGER NOT NULL REFERENCES bookmarks (article_id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX bookmark_tags_by_tag ON bookmark_tags (tag);

-- Feeds: the last error's message as the fetcher saw it (the UI shows the
-- localized text of `last_error_code`), and whether to fetch the article
-- page when an item carries only a summary.
ALTER TABLE sources ADD COLUMN last_error_message TEXT;
ALTER TABLE sources ADD COLUMN fetch_full_text INTEGER NOT NULL DEFAULT 1;

-- The offline image cache: one row per image URL seen in an article. The
-- bytes live in the cache folder under `hash` (content-addressed, so two
-- URLs with the same bytes share one file).
CREATE TABLE images (
    url        TEXT PRIMARY KEY,
    hash       TEXT,
    mime       TEXT,
    size       INTEGER NOT NULL DEFAULT 0,
    fetched_at INTEGER,
    -- Set when fetching failed; retried on a later sync.
    error_code TEXT
) STRICT;

CREATE INDEX images_by_fetched_at ON images (fetched_at);
CREATE INDEX images_by_hash ON images (hash);

CREATE TABLE article_images (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    url        TEXT NOT NULL,
    PRIMARY KEY (article_id, url)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_images_by_url ON article_images (url);
