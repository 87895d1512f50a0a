//! Backups: a consistent copy of the library in one file (`VACUUM INTO`,
//! taken while the app runs), and restoring one into the open library
//! (SQLite's online backup API, page by page, into the writer connection).
//! A restore first checks the file is a Barg library that this Barg can
//! read and that passes `PRAGMA integrity_check`, and keeps a copy of the
//! library it replaces: nothing is ever lost by restoring the wrong file.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::db::{check_is_barg_library, migrations};
use crate::{Library, LibraryError, Timestamp};

impl Library {
    /// Writes a consistent copy of the library to `to` (which must not
    /// exist: a backup never overwrites a file).
    pub fn backup_to(&self, to: &Path) -> Result<(), LibraryError> {
        if to.exists() {
            return Err(LibraryError::Io(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("{} already exists", to.display()),
            )));
        }
        let partial = crate::fs::partial_path(to);
        let _ = std::fs::remove_file(&partial);
        let copied = self
            .with_writer(|conn| {
                conn.execute("VACUUM INTO ?1", [partial.to_string_lossy()])?;
                Ok(())
            })
            .and_then(|()| Ok(std::fs::rename(&partial, to)?));
        if copied.is_err() {
            // A failed copy leaves nothing behind, not half a backup.
            let _ = std::fs::remove_file(&partial);
        }
        copied
    }

    /// Replaces the library's content with the backup at `from`; returns
    /// where the replaced library was kept.
    pub fn restore_from(&self, from: &Path, now: Timestamp) -> Result<PathBuf, LibraryError> {
        let source = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        check_is_barg_library(&source, from)?;
        let check: String = source.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(LibraryError::ForeignDatabase {
                path: from.to_owned(),
            });
        }
        let kept = self.path().with_file_name(format!(
            "{}.before-restore-{now}.bak",
            self.path()
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
        ));
        self.backup_to(&kept)?;
        self.with_writer(|conn| {
            {
                let backup = rusqlite::backup::Backup::new(&source, conn)?;
                backup.run_to_completion(256, std::time::Duration::ZERO, None)?;
            }
            // A backup from an older Barg is brought up to date.
            migrations().to_latest(conn)?;
            conn.pragma_update(None, "journal_mode", "WAL")?;
            Ok(())
        })?;
        Ok(kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArticleFilter, SourceKind};

    fn library(dir: &Path, name: &str) -> Library {
        Library::open(&dir.join(name)).expect("a library")
    }

    #[test]
    fn a_backup_restores_articles_bookmarks_and_search_and_keeps_the_replaced_library() {
        let dir = tempfile::tempdir().unwrap();
        let lib = library(dir.path(), "library.sqlite");
        let source = lib
            .ensure_source(SourceKind::File, "f", "file:f", 1)
            .unwrap();
        let article = crate::NewArticle {
            guid: "a".into(),
            url: None,
            title: "رئیس‌جمهور".into(),
            author: None,
            published_at: Some(5),
            language: Some("fa".into()),
            body_html: "<p>متن</p>".into(),
            body_text: "متن نخست".into(),
        };
        let id = match lib.add_article(source, &article, 1).unwrap() {
            crate::InsertOutcome::Added(id) => id,
            other => panic!("{other:?}"),
        };
        lib.set_bookmark(id, true, 2).unwrap();
        let backup = dir.path().join("backup.barg");
        lib.backup_to(&backup).unwrap();
        assert!(
            lib.backup_to(&backup).is_err(),
            "a backup never overwrites a file"
        );

        // Lose everything, then restore.
        lib.remove_source(source, false).unwrap();
        assert!(lib
            .list_articles(&ArticleFilter::default())
            .unwrap()
            .is_empty());
        let kept = lib.restore_from(&backup, 10).unwrap();
        let page = lib.list_articles(&ArticleFilter::default()).unwrap();
        assert_eq!(page.len(), 1, "the article is back");
        assert!(page[0].bookmarked_at.is_some(), "with its bookmark");
        let hits = lib
            .search(&crate::SearchQuery {
                text: "رییس جمهور".into(),
                limit: 5,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(hits.hits.len(), 1, "and searchable");
        let replaced = Library::open(&kept).unwrap();
        assert!(
            replaced
                .list_articles(&ArticleFilter::default())
                .unwrap()
                .is_empty(),
            "the library that was replaced is kept as it was"
        );
    }

    #[test]
    fn a_foreign_file_is_never_restored() {
        let dir = tempfile::tempdir().unwrap();
        let lib = library(dir.path(), "library.sqlite");
        let foreign = dir.path().join("other.sqlite");
        Connection::open(&foreign)
            .unwrap()
            .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        assert!(matches!(
            lib.restore_from(&foreign, 1),
            Err(LibraryError::ForeignDatabase { .. })
        ));
        std::fs::write(dir.path().join("junk"), b"not a database at all").unwrap();
        assert!(lib.restore_from(&dir.path().join("junk"), 1).is_err());
        assert!(
            lib.list_articles(&ArticleFilter::default()).is_ok(),
            "the library is untouched"
        );
    }
}
