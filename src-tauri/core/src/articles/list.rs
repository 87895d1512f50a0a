//! Reading articles: pages of the list, one article, read state and
//! reading position.

use rusqlite::{params, OptionalExtension, Row};

use super::{
    Article, ArticleFilter, ArticleSummary, MAX_PAGE, SUMMARY_COLUMNS, SUMMARY_COLUMN_COUNT,
};
use crate::text::{detect_direction, title_direction, Direction};
use crate::{Library, LibraryError, Timestamp};

/// A snippet's length, cut at a word near it.
const SNIPPET_CHARS: usize = 240;

impl Library {
    /// A page of articles, newest first (or newest bookmark first).
    pub fn list_articles(
        &self,
        filter: &ArticleFilter,
    ) -> Result<Vec<ArticleSummary>, LibraryError> {
        let limit = i64::from(filter.limit.min(MAX_PAGE));
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(&list_sql(filter))?;
            let rows = stmt.query_map(list_args(filter, limit), summary_from_row)?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
    }

    /// Every article the filter selects from its `offset` on, newest first
    /// (or newest bookmark first), handed to `each` one by one from a single
    /// walk of the list (no page cap, no quadratic paging), until `each`
    /// breaks. `filter.limit` is ignored. The walk is one read transaction:
    /// writers go on meanwhile, but the write-ahead log is not copied back
    /// into the file until it ends.
    pub fn for_each_article(
        &self,
        filter: &ArticleFilter,
        mut each: impl FnMut(ArticleSummary) -> std::ops::ControlFlow<()>,
    ) -> Result<(), LibraryError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(&list_sql(filter))?;
            // SQLite reads a negative LIMIT as none.
            let mut rows = stmt.query(list_args(filter, -1))?;
            while let Some(row) = rows.next()? {
                if each(summary_from_row(row)?).is_break() {
                    break;
                }
            }
            Ok(())
        })
    }

    /// Marks an article read (`read_at = now`) or unread.
    pub fn set_read(&self, id: i64, read: bool, now: Timestamp) -> Result<(), LibraryError> {
        self.write(|tx| {
            let changed = if read {
                tx.execute(
                    "UPDATE articles SET read_at = coalesce(read_at, ?2) WHERE id = ?1",
                    params![id, now],
                )?
            } else {
                tx.execute("UPDATE articles SET read_at = NULL WHERE id = ?1", [id])?
            };
            if changed == 0 {
                return Err(LibraryError::ArticleNotFound(id));
            }
            Ok(())
        })
    }

    /// Marks every article of a source read or unread; how many changed.
    pub fn set_source_read(
        &self,
        source_id: i64,
        read: bool,
        now: Timestamp,
    ) -> Result<u64, LibraryError> {
        self.write(|tx| {
            let exists: i64 = tx.query_row(
                "SELECT count(*) FROM sources WHERE id = ?1",
                [source_id],
                |r| r.get(0),
            )?;
            if exists == 0 {
                return Err(LibraryError::SourceNotFound(source_id));
            }
            let changed = tx.execute(
                "UPDATE articles SET read_at = CASE WHEN ?2 THEN ?3 END
                 WHERE source_id = ?1 AND (read_at IS NOT NULL) != ?2",
                params![source_id, read, now],
            )?;
            Ok(changed as u64)
        })
    }

    /// Remembers how far the reader got in an article (clamped to 0..=1).
    pub fn set_reading_position(&self, id: i64, position: f64) -> Result<(), LibraryError> {
        let position = if position.is_finite() {
            position.clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE articles SET reading_position = ?2 WHERE id = ?1",
                params![id, position],
            )?;
            if changed == 0 {
                return Err(LibraryError::ArticleNotFound(id));
            }
            Ok(())
        })
    }

    /// One article with its body.
    pub fn article(&self, id: i64) -> Result<Article, LibraryError> {
        let mut article = self.article_without_bookmark_details(id)?;
        if article.summary.bookmarked_at.is_some() {
            (article.tags, article.note) = self.bookmark_details(id)?;
        }
        Ok(article)
    }

    fn article_without_bookmark_details(&self, id: i64) -> Result<Article, LibraryError> {
        self.read(|conn| {
            let sql = format!(
                "SELECT {SUMMARY_COLUMNS}, a.url, a.author, a.body_html, a.body_text, a.language,
                        a.reading_position
                 FROM articles a JOIN sources s ON s.id = a.source_id
                   LEFT JOIN bookmarks b ON b.article_id = a.id
                 WHERE a.id = ?1"
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            stmt.query_row([id], |row| {
                let summary = summary_from_row(row)?;
                let dir = Direction::parse(&row.get::<_, String>(7)?).unwrap_or(Direction::Rtl);
                let n = SUMMARY_COLUMN_COUNT;
                Ok(Article {
                    summary,
                    url: row.get(n)?,
                    author: row.get(n + 1)?,
                    body_html: row.get(n + 2)?,
                    body_text: row.get(n + 3)?,
                    dir,
                    language: row.get(n + 4)?,
                    reading_position: row.get(n + 5)?,
                    tags: Vec::new(),
                    note: None,
                })
            })
            .optional()?
            .ok_or(LibraryError::ArticleNotFound(id))
        })
    }

    /// How many articles the library holds.
    pub fn article_count(&self) -> Result<i64, LibraryError> {
        self.read(|conn| Ok(conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?))
    }
}

/// The list's query: parameters 1 and 2 are the limit and the offset; 3
/// (the source) and 4 (the tag) appear only when the filter names them.
fn list_sql(filter: &ArticleFilter) -> String {
    let mut conditions = Vec::new();
    if filter.unread_only {
        conditions.push("a.read_at IS NULL");
    }
    if filter.source_id.is_some() {
        conditions.push("a.source_id = ?3");
    }
    if filter.bookmarked_only && filter.tag.is_some() {
        conditions.push(
            "EXISTS (SELECT 1 FROM bookmark_tags t WHERE t.article_id = a.id AND t.tag = ?4)",
        );
    }
    let mut where_clause = conditions.join(" AND ");
    if !where_clause.is_empty() {
        where_clause.insert_str(0, "WHERE ");
    }
    if filter.bookmarked_only {
        format!(
            "SELECT {SUMMARY_COLUMNS} FROM bookmarks b
                   JOIN articles a ON a.id = b.article_id JOIN sources s ON s.id = a.source_id
                 {where_clause}
                 ORDER BY b.created_at DESC, a.id DESC LIMIT ?1 OFFSET ?2"
        )
    } else {
        format!(
                // CROSS JOIN keeps `articles` the outer loop, walked in the
                // order of its (sort_at, id) index: no sort of the whole
                // library for one page (SQLite would otherwise start from
                // the one-row `sources` table and sort every article).
                "SELECT {SUMMARY_COLUMNS} FROM articles a
                   CROSS JOIN sources s ON s.id = a.source_id LEFT JOIN bookmarks b ON b.article_id = a.id
                 {where_clause}
                 ORDER BY a.sort_at DESC, a.id DESC LIMIT ?1 OFFSET ?2"
            )
    }
}
/// The list query's parameters (see [`list_sql`]).
fn list_args(
    filter: &ArticleFilter,
    limit: i64,
) -> rusqlite::ParamsFromIter<Vec<rusqlite::types::Value>> {
    let mut args: Vec<rusqlite::types::Value> = vec![limit.into(), i64::from(filter.offset).into()];
    let tag = filter.tag.as_ref().filter(|_| filter.bookmarked_only);
    if filter.source_id.is_some() || tag.is_some() {
        args.push(
            filter
                .source_id
                .map_or(rusqlite::types::Value::Null, Into::into),
        );
    }
    if let Some(tag) = tag {
        args.push(tag.clone().into());
    }
    rusqlite::params_from_iter(args)
}

pub(crate) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    let title: String = row.get(1)?;
    let source_title: String = row.get(2)?;
    let text_start: String = row.get(5)?;
    let snippet = snippet_of(&text_start);
    let article_dir = Direction::parse(&row.get::<_, String>(7)?).unwrap_or(Direction::Rtl);
    Ok(ArticleSummary {
        id: row.get(0)?,
        title_dir: title_direction(&title, article_dir),
        title,
        source_title_dir: title_direction(&source_title, Direction::Rtl),
        source_title,
        published_at: row.get(3)?,
        fetched_at: row.get(4)?,
        snippet_dir: detect_direction(&snippet, article_dir),
        snippet,
        bookmarked_at: row.get(6)?,
        source_id: row.get(8)?,
        read: row.get(9)?,
        summary_only: row.get(10)?,
    })
}

/// The first non-empty line, cut at a word boundary near [`SNIPPET_CHARS`].
fn snippet_of(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if line.chars().count() <= SNIPPET_CHARS {
        return line.to_owned();
    }
    let cut: String = line.chars().take(SNIPPET_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > SNIPPET_CHARS / 2 => &cut[..space],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_take_the_first_line_and_cut_at_a_word() {
        assert_eq!(
            snippet_of("\n  first line\nsecond"),
            "first line",
            "the first non-empty line is the snippet"
        );
        let long = "واژه ".repeat(100);
        let snippet = snippet_of(&long);
        assert!(snippet.ends_with('…'), "a cut snippet is marked: {snippet}");
        assert!(
            snippet.chars().count() <= SNIPPET_CHARS + 1,
            "a snippet stays short"
        );
        assert!(
            !snippet.contains("وا…"),
            "a snippet is cut between words, not inside one"
        );
    }
}
