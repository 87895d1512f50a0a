//! Bookmarks: an article the reader wants to keep. They live in the library
//! file, so they survive restarts, and deleting an article's source removes
//! its bookmark with it (never the other way round).

use rusqlite::{params, OptionalExtension};

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
            ensure_article(tx, article_id)?;
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

    /// Sets a bookmark's tags and note (bookmarking the article if needed).
    /// Tags are trimmed and kept once each; empty ones are dropped.
    pub fn set_bookmark_details(
        &self,
        article_id: i64,
        tags: &[String],
        note: Option<&str>,
        now: Timestamp,
    ) -> Result<(), LibraryError> {
        let mut clean: Vec<String> = Vec::new();
        for tag in tags {
            let tag = crate::ingest::sanitize::clean_text(tag);
            let tag: String = tag.chars().take(MAX_TAG_CHARS).collect();
            if !tag.is_empty() && !clean.contains(&tag) && clean.len() < MAX_TAGS {
                clean.push(tag);
            }
        }
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        self.write(|tx| {
            ensure_article(tx, article_id)?;
            tx.execute(
                "INSERT INTO bookmarks (article_id, created_at, note) VALUES (?1, ?2, ?3)
                 ON CONFLICT (article_id) DO UPDATE SET note = excluded.note",
                params![article_id, now, note],
            )?;
            tx.execute(
                "DELETE FROM bookmark_tags WHERE article_id = ?1",
                [article_id],
            )?;
            for tag in &clean {
                tx.execute(
                    "INSERT INTO bookmark_tags (article_id, tag) VALUES (?1, ?2)",
                    params![article_id, tag],
                )?;
            }
            Ok(())
        })
    }

    /// Every tag with the number of bookmarks that carry it, most used first.
    pub fn bookmark_tags(&self) -> Result<Vec<(String, i64)>, LibraryError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT tag, count(*) FROM bookmark_tags GROUP BY tag ORDER BY count(*) DESC, tag",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// A bookmark's tags and note.
    pub fn bookmark_details(
        &self,
        article_id: i64,
    ) -> Result<(Vec<String>, Option<String>), LibraryError> {
        self.read(|conn| {
            let tags = conn
                .prepare_cached("SELECT tag FROM bookmark_tags WHERE article_id = ?1 ORDER BY tag")?
                .query_map([article_id], |r| r.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
            let note = conn
                .prepare_cached("SELECT note FROM bookmarks WHERE article_id = ?1")?
                .query_row([article_id], |r| r.get::<_, Option<String>>(0))
                .optional()?
                .flatten();
            Ok((tags, note))
        })
    }
}

/// `ArticleNotFound` unless the article exists.
fn ensure_article(tx: &rusqlite::Transaction<'_>, article_id: i64) -> Result<(), LibraryError> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
        [article_id],
        |r| r.get(0),
    )?;
    if exists {
        Ok(())
    } else {
        Err(LibraryError::ArticleNotFound(article_id))
    }
}

/// Longest tag kept, in characters.
pub const MAX_TAG_CHARS: usize = 40;
/// Most tags on one bookmark.
pub const MAX_TAGS: usize = 20;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArticleFilter, SourceKind};

    #[test]
    fn tags_and_notes_are_kept_cleaned_and_filter_the_bookmarks() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("l.sqlite")).unwrap();
        let source = library
            .ensure_source(SourceKind::File, "f", "file:f", 1)
            .unwrap();
        let mut ids = Vec::new();
        for n in 0..3 {
            let article = crate::NewArticle {
                guid: format!("g{n}"),
                url: None,
                title: format!("خبر {n}"),
                author: None,
                published_at: Some(n),
                language: None,
                body_html: format!("<p>{n}</p>"),
                body_text: format!("متن {n}"),
            };
            if let crate::InsertOutcome::Added(id) =
                library.add_article(source, &article, 1).unwrap()
            {
                ids.push(id);
            }
        }
        let tags = |t: &[&str]| t.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        library
            .set_bookmark_details(
                ids[0],
                &tags(&[" اقتصاد ", "اقتصاد", "", "نیم‌فاصله\u{202E}"]),
                Some("  یادداشت  "),
                5,
            )
            .unwrap();
        library
            .set_bookmark_details(ids[1], &tags(&["اقتصاد"]), None, 6)
            .unwrap();
        let (kept, note) = library.bookmark_details(ids[0]).unwrap();
        assert_eq!(
            kept,
            vec!["اقتصاد".to_owned(), "نیم‌فاصله".to_owned()],
            "trimmed, once each, half-space kept, bidi control gone"
        );
        assert_eq!(note.as_deref(), Some("یادداشت"));
        assert_eq!(
            library.bookmark_tags().unwrap(),
            vec![("اقتصاد".to_owned(), 2), ("نیم‌فاصله".to_owned(), 1)],
            "most used first"
        );
        let tagged = library
            .list_articles(&ArticleFilter {
                bookmarked_only: true,
                tag: Some("نیم‌فاصله".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(
            tagged.iter().map(|a| a.id).collect::<Vec<_>>(),
            vec![ids[0]],
            "the tag filters the bookmarks"
        );
        library.set_bookmark(ids[0], false, 7).unwrap();
        assert_eq!(
            library.bookmark_tags().unwrap(),
            vec![("اقتصاد".to_owned(), 1)],
            "un-bookmarking drops its tags"
        );
    }
}
