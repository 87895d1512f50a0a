//! What the user changes about a subscription: unsubscribing, its title,
//! folder, route, full-text switch and image policy.

use rusqlite::{params, OptionalExtension};

use super::ImagePolicy;
use crate::{network, Library, LibraryError};

impl Library {
    /// Unsubscribes. With `keep_articles`, the source stays as a plain
    /// source (no longer synced) so its articles and bookmarks remain;
    /// otherwise it goes with its articles (and their bookmarks). An
    /// account's subscription is unsubscribed on the server on the next
    /// sync either way.
    pub fn remove_source(&self, id: i64, keep_articles: bool) -> Result<(), LibraryError> {
        self.write(|tx| {
            refuse_fever_change(tx, id)?;
            let changed = if keep_articles {
                // (Deleting queues the server's unsubscription by trigger.)
                tx.execute(
                    "INSERT INTO account_changes (account_id, kind, target)
                     SELECT account_id, 'unsubscribe', remote_id FROM sources
                      WHERE id = ?1 AND account_id IS NOT NULL",
                    [id],
                )?;
                tx.execute(
                    "UPDATE sources SET kind = 'file', locator = 'unsubscribed:' || id || ':' || locator,
                            etag = NULL, last_modified = NULL, account_id = NULL
                     WHERE id = ?1",
                    [id],
                )?
            } else {
                tx.execute("DELETE FROM sources WHERE id = ?1", [id])?
            };
            if changed == 0 {
                return Err(LibraryError::SourceNotFound(id));
            }
            Ok(())
        })
    }

    pub fn rename_source(&self, id: i64, title: &str) -> Result<(), LibraryError> {
        self.write(|tx| {
            refuse_fever_change(tx, id)?;
            match tx.execute(
                "UPDATE sources SET title = ?2 WHERE id = ?1",
                params![id, title.trim()],
            )? {
                0 => Err(LibraryError::SourceNotFound(id)),
                _ => Ok(()),
            }
        })
    }

    /// Moves a source into a folder (`None`: out of any folder).
    pub fn move_source(&self, id: i64, folder: Option<&str>) -> Result<(), LibraryError> {
        let folder = folder.map(str::trim).filter(|f| !f.is_empty());
        self.write(|tx| {
            refuse_fever_change(tx, id)?;
            match tx.execute(
                "UPDATE sources SET folder = ?2 WHERE id = ?1",
                params![id, folder],
            )? {
                0 => Err(LibraryError::SourceNotFound(id)),
                _ => Ok(()),
            }
        })
    }

    /// A feed's own route (`None`: the network settings' default).
    pub fn set_route(&self, id: i64, route: Option<network::Route>) -> Result<(), LibraryError> {
        self.update_source(id, "route = ?2", route.map(<&str>::from))
    }

    /// Whether sync fetches the article page when an item has only a summary.
    pub fn set_fetch_full_text(&self, id: i64, on: bool) -> Result<(), LibraryError> {
        self.update_source(id, "fetch_full_text = ?2", on)
    }

    /// Which of the feed's images a sync downloads.
    pub fn set_feed_images(&self, id: i64, images: ImagePolicy) -> Result<(), LibraryError> {
        self.update_source(id, "images = ?2", <&str>::from(images))
    }

    pub(super) fn update_source(
        &self,
        id: i64,
        assignment: &str,
        value: impl rusqlite::ToSql,
    ) -> Result<(), LibraryError> {
        self.write(|tx| {
            match tx.execute(
                &format!("UPDATE sources SET {assignment} WHERE id = ?1"),
                params![id, value],
            )? {
                0 => Err(LibraryError::SourceNotFound(id)),
                _ => Ok(()),
            }
        })
    }
}

/// A Fever account's subscriptions cannot be changed (the API has no such
/// call): a change to one is refused, so it is never queued.
fn refuse_fever_change(tx: &rusqlite::Transaction<'_>, source_id: i64) -> Result<(), LibraryError> {
    let kind: Option<String> = tx
        .query_row(
            "SELECT a.kind FROM sources s JOIN accounts a ON a.id = s.account_id WHERE s.id = ?1",
            [source_id],
            |r| r.get(0),
        )
        .optional()?;
    match kind.as_deref() {
        Some("fever") => Err(LibraryError::AccountUnsupported),
        _ => Ok(()),
    }
}
