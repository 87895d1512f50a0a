-- Schema version 1: the library.
-- Times are Unix seconds (UTC). Text columns hold the original text; folded
-- search text lives in search tables added by later migrations.

CREATE TABLE sources (
    id              INTEGER PRIMARY KEY,
    -- 'sample' (bundled), 'file' (imported files), 'web' (saved pages), 'feed'
    kind            TEXT NOT NULL CHECK (kind IN ('sample', 'file', 'web', 'feed')),
    title           TEXT NOT NULL,
    -- For feeds: the feed URL. For other kinds: a stable key, e.g. 'sample:fa-news'.
    locator         TEXT NOT NULL UNIQUE,
    site_url        TEXT,
    language        TEXT,
    folder          TEXT,
    etag            TEXT,
    last_modified   TEXT,
    last_fetched_at INTEGER,
    last_success_at INTEGER,
    last_error_code TEXT,
    created_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    source_id     INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    -- The feed's guid, or for other kinds a stable key within the source.
    guid          TEXT NOT NULL,
    url           TEXT,
    title         TEXT NOT NULL,
    author        TEXT,
    published_at  INTEGER,
    fetched_at    INTEGER NOT NULL,
    -- What lists sort by: published_at, or fetched_at when the source gave no date.
    sort_at       INTEGER NOT NULL,
    language      TEXT,
    direction     TEXT NOT NULL CHECK (direction IN ('rtl', 'ltr')),
    -- Sanitized HTML, safe to hand to the web view.
    body_html     TEXT NOT NULL,
    -- Plain text of the body, paragraphs separated by newlines.
    body_text     TEXT NOT NULL,
    -- Hash of the normalised text, to spot the same content arriving twice.
    content_hash  TEXT NOT NULL,
    read_at       INTEGER,
    UNIQUE (source_id, guid)
) STRICT;

CREATE INDEX articles_by_sort_at ON articles (sort_at DESC, id DESC);
CREATE INDEX articles_by_source ON articles (source_id, sort_at DESC);
CREATE INDEX articles_by_content_hash ON articles (content_hash);
CREATE INDEX articles_by_url ON articles (url) WHERE url IS NOT NULL;

CREATE TABLE bookmarks (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    note       TEXT
) STRICT;

CREATE INDEX bookmarks_by_created_at ON bookmarks (created_at DESC);

-- Settings that belong with the library (not with the machine), e.g. whether
-- the bundled sample was imported.
CREATE TABLE library_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
