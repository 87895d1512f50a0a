//! What the library keeps of accounts: the accounts, their subscriptions
//! as sources, the queue of changes not yet sent, and the short write
//! transactions that apply what a server says.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, OptionalExtension};

use super::remote::RemoteFeed;
use crate::{Code, Library, LibraryError, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountKind {
    /// The Google Reader API (FreshRSS, Miniflux, Inoreader, The Old
    /// Reader, BazQux).
    GReader,
    /// The Fever API (FreshRSS, Miniflux, coldsweat).
    Fever,
}

impl AccountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::GReader => "greader",
            AccountKind::Fever => "fever",
        }
    }
}

impl std::str::FromStr for AccountKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "greader" => Ok(AccountKind::GReader),
            "fever" => Ok(AccountKind::Fever),
            other => Err(format!("not a kind of account: {other} (greader or fever)")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub kind: AccountKind,
    pub url: String,
    pub user: String,
    /// The first sync takes this many of the newest items.
    pub first_items: u32,
    /// The server's mark of the newest item had (a time, or a Fever item
    /// id): the next sync asks only for what came after it; `None` before
    /// the first sync.
    pub newest_item: Option<i64>,
    pub last_sync_at: Option<Timestamp>,
    pub last_success_at: Option<Timestamp>,
    pub last_error_code: Option<Code>,
    pub last_error_message: Option<String>,
    /// Its subscriptions in the library.
    pub sources: i64,
    /// Changes made in Barg that the server has not been told yet.
    pub pending_changes: i64,
}

/// A change made in Barg, queued for the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: i64,
    /// `read`, `unread`, `star`, `unstar`, `folder`, `rename`, `unsubscribe`.
    pub kind: String,
    /// An item id or a stream id.
    pub target: String,
    pub value: Option<String>,
}

const ACCOUNT_COLUMNS: &str =
    "a.id, a.kind, a.url, a.user, a.first_items, a.newest_item, a.last_sync_at,
    a.last_success_at, a.last_error_code, a.last_error_message,
    (SELECT count(*) FROM sources s WHERE s.account_id = a.id),
    (SELECT count(*) FROM account_changes c WHERE c.account_id = a.id)";

fn account_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Account> {
    Ok(Account {
        id: r.get(0)?,
        kind: r
            .get::<_, String>(1)?
            .parse()
            .unwrap_or(AccountKind::GReader),
        url: r.get(2)?,
        user: r.get(3)?,
        first_items: r.get(4)?,
        newest_item: r.get(5)?,
        last_sync_at: r.get(6)?,
        last_success_at: r.get(7)?,
        last_error_code: r
            .get::<_, Option<String>>(8)?
            .as_deref()
            .map(Code::from_stored),
        last_error_message: r.get(9)?,
        sources: r.get(10)?,
        pending_changes: r.get(11)?,
    })
}

/// One item as it is to be applied: the article's id and the server's
/// read and starred states.
pub(crate) struct ItemState {
    pub(crate) article_id: i64,
    pub(crate) read: bool,
    pub(crate) starred: bool,
}

impl Library {
    /// Adds an account (its password is kept elsewhere: see
    /// [`super::add`]); its first sync takes the newest `first_items`. The
    /// same server and user twice is [`LibraryError::AlreadySubscribed`].
    pub fn add_account(
        &self,
        kind: AccountKind,
        url: &str,
        user: &str,
        first_items: u32,
        now: Timestamp,
    ) -> Result<i64, LibraryError> {
        self.write(|tx| {
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM accounts WHERE kind = ?1 AND url = ?2 AND user = ?3",
                    params![kind.as_str(), url, user],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = existing {
                return Err(LibraryError::AlreadySubscribed(id));
            }
            tx.execute(
                "INSERT INTO accounts (kind, url, user, first_items, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![kind.as_str(), url, user, first_items, now],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// How many of the newest items the account's first sync takes.
    pub fn set_account_first_items(&self, id: i64, items: u32) -> Result<(), LibraryError> {
        self.write(|tx| {
            match tx.execute(
                "UPDATE accounts SET first_items = ?2 WHERE id = ?1",
                params![id, items],
            )? {
                0 => Err(LibraryError::AccountNotFound(id)),
                _ => Ok(()),
            }
        })
    }

    pub fn accounts(&self) -> Result<Vec<Account>, LibraryError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {ACCOUNT_COLUMNS} FROM accounts a ORDER BY a.id"
            ))?;
            let rows = stmt.query_map([], account_row)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    pub fn account(&self, id: i64) -> Result<Account, LibraryError> {
        self.read(|conn| {
            conn.query_row(
                &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = ?1"),
                [id],
                account_row,
            )
            .optional()?
            .ok_or(LibraryError::AccountNotFound(id))
        })
    }

    /// Removes an account. With `keep_articles`, its subscriptions stay as
    /// plain sources (no longer synced) with their articles and bookmarks;
    /// otherwise they go with them. The server is not told: the account
    /// stays as it is there.
    pub fn remove_account(&self, id: i64, keep_articles: bool) -> Result<(), LibraryError> {
        self.write(|tx| {
            let exists: bool =
                tx.query_row("SELECT count(*) FROM accounts WHERE id = ?1", [id], |r| {
                    r.get::<_, i64>(0)
                })? > 0;
            if !exists {
                return Err(LibraryError::AccountNotFound(id));
            }
            if keep_articles {
                tx.execute(
                    "UPDATE sources SET kind = 'file', account_id = NULL,
                            locator = 'unsubscribed:' || id || ':' || locator
                     WHERE account_id = ?1",
                    [id],
                )?;
            } else {
                tx.execute("DELETE FROM sources WHERE account_id = ?1", [id])?;
            }
            tx.execute("DELETE FROM account_changes WHERE account_id = ?1", [id])?;
            tx.execute("DELETE FROM accounts WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// The changes queued for the account, oldest first.
    pub fn pending_changes(&self, account_id: i64) -> Result<Vec<Change>, LibraryError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, kind, target, value FROM account_changes
                 WHERE account_id = ?1 ORDER BY id",
            )?;
            let rows = stmt.query_map([account_id], |r| {
                Ok(Change {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    target: r.get(2)?,
                    value: r.get(3)?,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Forgets the changes the server has taken (up to `last`, inclusive).
    pub(crate) fn forget_changes(&self, account_id: i64, last: i64) -> Result<(), LibraryError> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM account_changes WHERE account_id = ?1 AND id <= ?2",
                params![account_id, last],
            )?;
            Ok(())
        })
    }

    /// Applies the server's list of subscriptions: new ones become sources,
    /// known ones take the server's title and folder (unless a change of
    /// Barg's to them waits to be sent), and those gone from the server go
    /// (a source with bookmarks stays, no longer synced, so no bookmark is
    /// lost). Returns each stream id's source id.
    pub(crate) fn apply_subscriptions(
        &self,
        account_id: i64,
        subscriptions: &[RemoteFeed],
        now: Timestamp,
    ) -> Result<HashMap<String, i64>, LibraryError> {
        self.write(|tx| {
            let queued_before = last_change(tx)?;
            let waiting: HashSet<String> = {
                let mut stmt = tx.prepare_cached(
                    "SELECT target FROM account_changes WHERE account_id = ?1
                       AND kind IN ('folder', 'rename', 'unsubscribe')",
                )?;
                let rows = stmt.query_map([account_id], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            };
            let mut known: HashMap<String, i64> = {
                let mut stmt = tx.prepare_cached(
                    "SELECT remote_id, id FROM sources WHERE account_id = ?1",
                )?;
                let rows = stmt.query_map([account_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
                rows.collect::<Result<_, _>>()?
            };
            let mut sources = HashMap::new();
            for sub in subscriptions {
                let folder = sub.folder.as_deref();
                let title = crate::ingest::sanitize::clean_text(&sub.title);
                let site = sub
                    .site_url
                    .as_deref()
                    .and_then(crate::ingest::sanitize::safe_link);
                match known.remove(&sub.id) {
                    Some(id) => {
                        if !waiting.contains(&sub.id) {
                            tx.execute(
                                "UPDATE sources SET title = ?2, folder = ?3, site_url = coalesce(?4, site_url)
                                 WHERE id = ?1 AND (title IS NOT ?2 OR folder IS NOT ?3)",
                                params![id, title, folder, site],
                            )?;
                        }
                        sources.insert(sub.id.clone(), id);
                    }
                    None => {
                        if waiting.contains(&sub.id) {
                            continue; // Unsubscribed in Barg: the queue tells the server.
                        }
                        tx.execute(
                            "INSERT INTO sources (kind, title, locator, site_url, folder, created_at,
                                                  account_id, remote_id)
                             VALUES ('feed', ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            params![
                                title,
                                format!("account:{account_id}:{}", sub.id),
                                site,
                                folder,
                                now,
                                account_id,
                                sub.id
                            ],
                        )?;
                        sources.insert(sub.id.clone(), tx.last_insert_rowid());
                    }
                }
            }
            // Gone from the server (unsubscribed on another device).
            for (_, id) in known {
                let bookmarked: i64 = tx.query_row(
                    "SELECT count(*) FROM bookmarks b JOIN articles a ON a.id = b.article_id
                     WHERE a.source_id = ?1",
                    [id],
                    |r| r.get(0),
                )?;
                if bookmarked > 0 {
                    tx.execute(
                        "UPDATE sources SET kind = 'file', account_id = NULL,
                                locator = 'unsubscribed:' || id || ':' || locator
                         WHERE id = ?1",
                        [id],
                    )?;
                } else {
                    tx.execute("DELETE FROM sources WHERE id = ?1", [id])?;
                }
            }
            // What the server said is not a change of Barg's to send back.
            forget_changes_since(tx, account_id, queued_before)?;
            Ok(sources)
        })
    }

    /// The article id of each of these item ids the account has.
    pub(crate) fn account_articles(
        &self,
        account_id: i64,
    ) -> Result<HashMap<String, (i64, bool, bool)>, LibraryError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT a.guid, a.id, a.read_at IS NOT NULL,
                        EXISTS (SELECT 1 FROM bookmarks b WHERE b.article_id = a.id)
                 FROM articles a JOIN sources s ON s.id = a.source_id
                 WHERE s.account_id = ?1",
            )?;
            let rows = stmt.query_map([account_id], |r| {
                Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?)))
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Sets read and bookmarked as the server has them, except for the
    /// items a queued change of Barg's is about (the queue is newer).
    /// Returns how many articles changed.
    pub(crate) fn apply_item_states(
        &self,
        account_id: i64,
        states: &[ItemState],
        now: Timestamp,
    ) -> Result<u64, LibraryError> {
        self.write(|tx| {
            let queued_before = last_change(tx)?;
            let waiting: HashSet<i64> = {
                let mut stmt = tx.prepare_cached(
                    "SELECT a.id FROM account_changes c
                     JOIN sources s ON s.account_id = c.account_id
                     JOIN articles a ON a.source_id = s.id AND a.guid = c.target
                     WHERE c.account_id = ?1 AND c.kind IN ('read', 'unread', 'star', 'unstar')",
                )?;
                let rows = stmt.query_map([account_id], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            };
            let mut changed = 0;
            let mut read = tx.prepare_cached(
                "UPDATE articles SET read_at = CASE WHEN ?2 THEN coalesce(read_at, ?3) END
                 WHERE id = ?1 AND (read_at IS NOT NULL) != ?2",
            )?;
            let mut star = tx.prepare_cached(
                "INSERT INTO bookmarks (article_id, created_at) VALUES (?1, ?2)
                 ON CONFLICT (article_id) DO NOTHING",
            )?;
            let mut unstar = tx.prepare_cached("DELETE FROM bookmarks WHERE article_id = ?1")?;
            for state in states {
                if waiting.contains(&state.article_id) {
                    continue;
                }
                changed += read.execute(params![state.article_id, state.read, now])? as u64;
                changed += match state.starred {
                    true => star.execute(params![state.article_id, now])?,
                    false => unstar.execute([state.article_id])?,
                } as u64;
            }
            forget_changes_since(tx, account_id, queued_before)?;
            Ok(changed)
        })
    }

    /// Records the end of a sync: its success and the newest item had, or
    /// its failure.
    pub(crate) fn record_account_sync(
        &self,
        account_id: i64,
        outcome: Result<Option<i64>, (Code, &str)>,
        now: Timestamp,
    ) -> Result<(), LibraryError> {
        self.write(|tx| {
            match outcome {
                Ok(newest) => tx.execute(
                    "UPDATE accounts SET last_sync_at = ?2, last_success_at = ?2,
                            newest_item = CASE WHEN ?3 IS NULL THEN newest_item
                                               ELSE max(coalesce(newest_item, ?3), ?3) END,
                            last_error_code = NULL, last_error_message = NULL
                     WHERE id = ?1",
                    params![account_id, now, newest],
                )?,
                Err((code, message)) => tx.execute(
                    "UPDATE accounts SET last_sync_at = ?2, last_error_code = ?3, last_error_message = ?4
                     WHERE id = ?1",
                    params![account_id, now, code.as_str(), message],
                )?,
            };
            Ok(())
        })
    }
}

fn last_change(tx: &rusqlite::Transaction<'_>) -> Result<i64, LibraryError> {
    Ok(tx.query_row(
        "SELECT coalesce(max(id), 0) FROM account_changes",
        [],
        |r| r.get(0),
    )?)
}

/// Drops what the triggers queued while a server's state was applied.
fn forget_changes_since(
    tx: &rusqlite::Transaction<'_>,
    account_id: i64,
    last_before: i64,
) -> Result<(), LibraryError> {
    tx.execute(
        "DELETE FROM account_changes WHERE account_id = ?1 AND id > ?2",
        params![account_id, last_before],
    )?;
    Ok(())
}
