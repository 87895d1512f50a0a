-- Schema version 7: sync accounts (a Google Reader API or Fever server).
-- An account's subscriptions are feed sources of the one library, and its
-- items are articles of those sources; a change made in Barg to one of
-- them (read, unread, bookmark, folder, title, unsubscribe) is queued in
-- `account_changes` by the triggers below, in the same transaction as the
-- change itself, and sent on the next sync. The password is in the OS
-- credential store, never here.

CREATE TABLE accounts (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL CHECK (kind IN ('greader', 'fever')),
    url                TEXT NOT NULL,
    user               TEXT NOT NULL,
    -- The first sync takes this many of the newest items (and every
    -- starred one); later syncs take everything new.
    first_items        INTEGER NOT NULL DEFAULT 1000,
    -- The server's mark of the newest item had (Google Reader API: the
    -- time it took the item, in microseconds; Fever: the item's id): the next
    -- sync asks only for what came after it.
    newest_item        INTEGER,
    last_sync_at       INTEGER,
    last_success_at    INTEGER,
    last_error_code    TEXT,
    last_error_message TEXT,
    created_at         INTEGER NOT NULL,
    UNIQUE (kind, url, user)
) STRICT;

-- An account's subscription: its account and the server's id for it
-- (`feed/12`); `locator` is then `account:<id>:<remote id>`, so the same
-- feed can be both a local subscription and an account's.
ALTER TABLE sources ADD COLUMN account_id INTEGER REFERENCES accounts (id);
ALTER TABLE sources ADD COLUMN remote_id TEXT;
CREATE INDEX sources_by_account ON sources (account_id, remote_id) WHERE account_id IS NOT NULL;

-- What Barg changed and the server has not been told yet, oldest first.
-- `target` is the server's item id (an article's guid) or stream id (a
-- source's remote id); `value` a folder or a title.
CREATE TABLE account_changes (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL
               CHECK (kind IN ('read', 'unread', 'star', 'unstar', 'folder', 'rename', 'unsubscribe')),
    target     TEXT NOT NULL,
    value      TEXT
) STRICT;
CREATE INDEX account_changes_by_account ON account_changes (account_id, id);

CREATE TRIGGER account_read_changed AFTER UPDATE OF read_at ON articles
WHEN (OLD.read_at IS NULL) != (NEW.read_at IS NULL)
 AND (SELECT account_id FROM sources WHERE id = NEW.source_id) IS NOT NULL
BEGIN
    INSERT INTO account_changes (account_id, kind, target)
    VALUES ((SELECT account_id FROM sources WHERE id = NEW.source_id),
            CASE WHEN NEW.read_at IS NULL THEN 'unread' ELSE 'read' END,
            NEW.guid);
END;

CREATE TRIGGER account_bookmark_added AFTER INSERT ON bookmarks
WHEN (SELECT s.account_id FROM articles a JOIN sources s ON s.id = a.source_id
       WHERE a.id = NEW.article_id) IS NOT NULL
BEGIN
    INSERT INTO account_changes (account_id, kind, target)
    SELECT s.account_id, 'star', a.guid FROM articles a JOIN sources s ON s.id = a.source_id
     WHERE a.id = NEW.article_id;
END;

CREATE TRIGGER account_bookmark_removed AFTER DELETE ON bookmarks
WHEN (SELECT s.account_id FROM articles a JOIN sources s ON s.id = a.source_id
       WHERE a.id = OLD.article_id) IS NOT NULL
BEGIN
    INSERT INTO account_changes (account_id, kind, target)
    SELECT s.account_id, 'unstar', a.guid FROM articles a JOIN sources s ON s.id = a.source_id
     WHERE a.id = OLD.article_id;
END;

CREATE TRIGGER account_folder_changed AFTER UPDATE OF folder ON sources
WHEN NEW.account_id IS NOT NULL AND OLD.folder IS NOT NEW.folder
BEGIN
    INSERT INTO account_changes (account_id, kind, target, value)
    VALUES (NEW.account_id, 'folder', NEW.remote_id, coalesce(OLD.folder, '') || char(10) || coalesce(NEW.folder, ''));
END;

CREATE TRIGGER account_title_changed AFTER UPDATE OF title ON sources
WHEN NEW.account_id IS NOT NULL AND OLD.title IS NOT NEW.title
BEGIN
    INSERT INTO account_changes (account_id, kind, target, value)
    VALUES (NEW.account_id, 'rename', NEW.remote_id, NEW.title);
END;

CREATE TRIGGER account_source_removed AFTER DELETE ON sources
WHEN OLD.account_id IS NOT NULL
 AND EXISTS (SELECT 1 FROM accounts WHERE id = OLD.account_id)
BEGIN
    INSERT INTO account_changes (account_id, kind, target)
    VALUES (OLD.account_id, 'unsubscribe', OLD.remote_id);
END;
