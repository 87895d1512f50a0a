//! Bookmarks: an article the reader wants to keep. They live in the library
//! file, so they survive restarts, and deleting an article's source removes
//! its bookmark with it (never the other way round).

use rusqlite::params;

use crate::{Library, LibraryError, Timestamp};

impl Library {
    /// Bookmarks or un-bookmarks an article. Bookmarking twice keeps the
    /// first bookmark's time.
    pub fn set_bookmark(
        &self,
        article_id: i64,
        bookmarked: bool,
        now: Timestamp,
    ) -> Result<(), LibraryError> {
        self.write(|tx| {
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
                [article_id],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(LibraryError::ArticleNotFound(article_id));
            }
            if bookmarked {
                tx.execute(
                    "INSERT INTO bookmarks (article_id, created_at) VALUES (?1, ?2)
                     ON CONFLICT (article_id) DO NOTHING",
                    params![article_id, now],
                )?;
            } else {
                tx.execute("DELETE FROM bookmarks WHERE article_id = ?1", [article_id])?;
            }
            Ok(())
        })
    }
}
