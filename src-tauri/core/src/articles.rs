//! Sources and articles: adding them, listing them, reading one.

use rusqlite::{params, OptionalExtension, Row};

use crate::text::{detect_direction, Direction};
use crate::{Code, Library, LibraryError, Timestamp};

/// Where a source's articles come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum SourceKind {
    /// Bundled with the app.
    Sample,
    /// Imported from files.
    File,
    /// Saved web pages.
    Web,
    /// A subscribed feed.
    Feed,
}

impl SourceKind {
    /// The name stored in `sources.kind` (`sample`, `file`, `web`, `feed`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// An article about to be stored. `body_html` must already be safe (built by
/// [`crate::text::paragraphs_to_html`] or sanitized).
#[derive(Debug, Clone)]
pub struct NewArticle {
    /// Stable identity within its source (a feed's guid, a file's path…).
    pub guid: String,
    pub url: Option<String>,
    pub title: String,
    pub author: Option<String>,
    pub published_at: Option<Timestamp>,
    pub language: Option<String>,
    pub body_html: String,
    pub body_text: String,
}

/// What happened to an article handed to [`Library::add_article`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    Added(i64),
    /// Already in the library (same guid in the source, same URL, or same
    /// content); the existing id is given.
    Duplicate(i64),
}

/// One row of an article list.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSummary {
    pub id: i64,
    pub title: String,
    pub title_dir: Direction,
    pub source_title: String,
    pub published_at: Option<Timestamp>,
    pub fetched_at: Timestamp,
    /// The first line of the text, cut at a word near 240 characters.
    pub snippet: String,
    pub snippet_dir: Direction,
    pub bookmarked_at: Option<Timestamp>,
    pub source_id: i64,
    pub read: bool,
}

/// One article, as the reader shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub summary: ArticleSummary,
    pub url: Option<String>,
    pub author: Option<String>,
    pub body_html: String,
    pub body_text: String,
    pub dir: Direction,
    pub language: Option<String>,
    /// How far the reader got last time: 0.0 (top) to 1.0 (end).
    pub reading_position: f64,
    /// The bookmark's tags and note (empty when not bookmarked).
    pub tags: Vec<String>,
    pub note: Option<String>,
}

impl Article {
    /// Minutes to read the body at about 200 words a minute (a common
    /// figure for Persian and English prose), at least one.
    pub fn reading_minutes(&self) -> u32 {
        let words = self.body_text.split_whitespace().count() as u32;
        words.div_ceil(200).max(1)
    }
}

/// Which articles a list shows, and which page of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFilter {
    /// Only bookmarked articles, newest bookmark first.
    pub bookmarked_only: bool,
    /// Only articles not yet read.
    pub unread_only: bool,
    /// Only this source's articles.
    pub source_id: Option<i64>,
    /// Only bookmarks with this tag (with `bookmarked_only`).
    pub tag: Option<String>,
    pub limit: u32,
    pub offset: u32,
}

impl Default for ArticleFilter {
    fn default() -> Self {
        Self {
            bookmarked_only: false,
            unread_only: false,
            source_id: None,
            tag: None,
            limit: 100,
            offset: 0,
        }
    }
}

/// Lists never return more than this many rows at once.
pub const MAX_PAGE: u32 = 500;

const SNIPPET_CHARS: usize = 240;

pub(crate) const SUMMARY_COLUMNS: &str = "a.id, a.title, s.title, a.published_at, a.fetched_at, \
     substr(a.body_text, 1, 600), b.created_at, a.direction, a.source_id, a.read_at IS NOT NULL";

/// How many columns [`SUMMARY_COLUMNS`] has; a query's own columns follow.
pub(crate) const SUMMARY_COLUMN_COUNT: usize = 10;

impl Library {
    /// Returns the id of the source with this `locator`, creating it if needed.
    pub fn ensure_source(
        &self,
        kind: SourceKind,
        title: &str,
        locator: &str,
        now: Timestamp,
    ) -> Result<i64, LibraryError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO sources (kind, title, locator, created_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (locator) DO NOTHING",
                params![kind.as_str(), title, locator, now],
            )?;
            Ok(tx.query_row(
                "SELECT id FROM sources WHERE locator = ?1",
                [locator],
                |r| r.get(0),
            )?)
        })
    }

    /// Stores one article unless the library already has it.
    pub fn add_article(
        &self,
        source_id: i64,
        article: &NewArticle,
        now: Timestamp,
    ) -> Result<InsertOutcome, LibraryError> {
        Ok(self.add_articles(source_id, std::slice::from_ref(article), now)?[0])
    }

    /// Stores articles in one short write transaction, skipping those the
    /// library already has (same guid in the source, same URL, or same
    /// content, also within the batch).
    pub fn add_articles(
        &self,
        source_id: i64,
        articles: &[NewArticle],
        now: Timestamp,
    ) -> Result<Vec<InsertOutcome>, LibraryError> {
        // Folding, hashing and direction happen before the write lock is
        // taken, so other work goes on meanwhile; the transaction only writes.
        let prepared = prepare_all(articles);
        self.write_indexing(|tx, terms| {
            let source = folded_source_title(tx, source_id)?;
            let outcomes = prepared
                .iter()
                .map(|article| insert_article(tx, source_id, &source, article, now))
                .collect::<Result<Vec<_>, _>>()?;
            let mut added = false;
            for (article, outcome) in prepared.iter().zip(&outcomes) {
                if let InsertOutcome::Added(_) = outcome {
                    terms.add_folded(&article.folded);
                    added = true;
                }
            }
            if added {
                terms.add(&source);
            }
            Ok(outcomes)
        })
    }
}

/// What storing an article needs that can be computed without the library:
/// computed before the write lock is taken (a sync does it in each feed's
/// own task), so that the writer only writes.
pub(crate) struct Derived {
    pub hash: String,
    pub dir: Direction,
    pub folded: crate::search::Folded,
}

pub(crate) fn derive(article: &NewArticle) -> Derived {
    derive_version(article, content_hash(&article.title, &article.body_text))
}

/// [`derive`] with the hash the article is known by given (a feed item's
/// is that of the feed's own text, also when a page's text replaced it).
pub(crate) fn derive_version(article: &NewArticle, hash: String) -> Derived {
    Derived {
        hash,
        dir: detect_direction(
            &format!("{}\n{}", article.title, article.body_text),
            Direction::Rtl,
        ),
        folded: crate::search::Folded::of(
            &article.title,
            &article.body_text,
            article.author.as_deref(),
        ),
    }
}

/// [`derive`]s articles from anywhere, on every core when there are enough
/// of them to pay.
pub(crate) fn derive_each(articles: &[&NewArticle]) -> Vec<Derived> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(8);
    if threads < 2 || articles.len() < 64 {
        return articles.iter().map(|a| derive(a)).collect();
    }
    let chunk = articles.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = articles
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|a| derive(a)).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// An article with what was [`derive`]d from it, ready to store.
pub(crate) struct Prepared<'a> {
    pub article: &'a NewArticle,
    pub hash: String,
    pub dir: Direction,
    pub folded: crate::search::Folded,
}

impl<'a> Prepared<'a> {
    pub(crate) fn new(article: &'a NewArticle, derived: Derived) -> Self {
        let Derived { hash, dir, folded } = derived;
        Self {
            article,
            hash,
            dir,
            folded,
        }
    }
}

/// Prepares a batch, deriving on every core when it is large enough to pay.
pub(crate) fn prepare_all(articles: &[NewArticle]) -> Vec<Prepared<'_>> {
    let derived = derive_each(&articles.iter().collect::<Vec<_>>());
    articles
        .iter()
        .zip(derived)
        .map(|(a, d)| Prepared::new(a, d))
        .collect()
}

/// A source's title, folded for the index (`SourceNotFound` if missing).
pub(crate) fn folded_source_title(
    tx: &rusqlite::Transaction<'_>,
    source_id: i64,
) -> Result<String, LibraryError> {
    let title: String = tx
        .query_row(
            "SELECT title FROM sources WHERE id = ?1",
            [source_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(LibraryError::SourceNotFound(source_id))?;
    Ok(crate::persian::fold::fold(&title))
}

/// Stores and indexes an article unless the library has it already (same
/// guid in the source, same URL or same content). The caller adds the words
/// of what was added to the transaction's `NewTerms`.
pub(crate) fn insert_article(
    tx: &rusqlite::Transaction<'_>,
    source_id: i64,
    folded_source: &str,
    prepared: &Prepared<'_>,
    now: Timestamp,
) -> Result<InsertOutcome, LibraryError> {
    let (article, hash, dir) = (prepared.article, &prepared.hash, prepared.dir);
    {
        let existing: Option<i64> = tx
            .prepare_cached(
                "SELECT id FROM articles WHERE (source_id = ?1 AND guid = ?2)
                        OR (?3 IS NOT NULL AND url = ?3) OR content_hash = ?4 LIMIT 1",
            )?
            .query_row(params![source_id, article.guid, article.url, hash], |r| {
                r.get(0)
            })
            .optional()?;
        if let Some(id) = existing {
            return Ok(InsertOutcome::Duplicate(id));
        }
        tx.prepare_cached(
            "INSERT INTO articles (source_id, guid, url, title, author, published_at, fetched_at,
                     sort_at, language, direction, body_html, body_text, content_hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
            source_id,
            article.guid,
            article.url,
            article.title,
            article.author,
            article.published_at,
            now,
            article.published_at.unwrap_or(now),
            article.language,
            dir.as_str(),
            article.body_html,
            article.body_text,
            hash,
        ])?;
        let id = tx.last_insert_rowid();
        crate::search::index_folded(tx, id, &prepared.folded, folded_source)?;
        Ok(InsertOutcome::Added(id))
    }
}

/// Replaces an article's text with a newer version of it (a feed item that
/// changed); read state, reading position and bookmark stay. The caller adds
/// the new text's words to the transaction's `NewTerms`.
pub(crate) fn update_article(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    folded_source: &str,
    prepared: &Prepared<'_>,
) -> Result<(), LibraryError> {
    let (article, dir) = (prepared.article, prepared.dir);
    tx.prepare_cached(
        "UPDATE articles SET url = ?2, title = ?3, author = ?4,
                published_at = coalesce(?5, published_at), sort_at = coalesce(?5, sort_at),
                language = ?6, direction = ?7, body_html = ?8, body_text = ?9, content_hash = ?10
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        article.url,
        article.title,
        article.author,
        article.published_at,
        article.language,
        dir.as_str(),
        article.body_html,
        article.body_text,
        prepared.hash,
    ])?;
    tx.prepare_cached("DELETE FROM article_search WHERE rowid = ?1")?
        .execute([id])?;
    crate::search::index_folded(tx, id, &prepared.folded, folded_source)
}

impl Library {
    /// A page of articles, newest first (or newest bookmark first).
    pub fn list_articles(
        &self,
        filter: &ArticleFilter,
    ) -> Result<Vec<ArticleSummary>, LibraryError> {
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
        let sql = if filter.bookmarked_only {
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
        };
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(&sql)?;
            let limit = filter.limit.min(MAX_PAGE);
            // Parameters 3 and 4 are bound only when the query names them.
            let mut args: Vec<rusqlite::types::Value> =
                vec![i64::from(limit).into(), i64::from(filter.offset).into()];
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
            let rows = stmt.query_map(rusqlite::params_from_iter(args), summary_from_row)?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
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

pub(crate) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    let title: String = row.get(1)?;
    let text_start: String = row.get(5)?;
    let snippet = snippet_of(&text_start);
    let article_dir = Direction::parse(&row.get::<_, String>(7)?).unwrap_or(Direction::Rtl);
    Ok(ArticleSummary {
        id: row.get(0)?,
        title_dir: detect_direction(&title, article_dir),
        title,
        source_title: row.get(2)?,
        published_at: row.get(3)?,
        fetched_at: row.get(4)?,
        snippet_dir: detect_direction(&snippet, article_dir),
        snippet,
        bookmarked_at: row.get(6)?,
        source_id: row.get(8)?,
        read: row.get(9)?,
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

/// A hash of the article's words, blind to whitespace, so the same story
/// arriving twice (re-imported file, feed and saved page) is stored once.
pub(crate) fn content_hash(title: &str, body: &str) -> String {
    // FNV-1a over the bytes of the non-whitespace characters (the pieces
    // between whitespace, in order), a NUL between title and body: stable
    // across builds and platforms, unlike `DefaultHasher`.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    title
        .split_whitespace()
        .for_each(|piece| feed(piece.as_bytes()));
    feed(&[0]);
    body.split_whitespace()
        .for_each(|piece| feed(piece.as_bytes()));
    format!("{hash:016x}")
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

    #[test]
    fn content_hash_ignores_whitespace_but_not_words() {
        assert_eq!(
            content_hash("t", "a b\nc"),
            content_hash("t", "a  b c"),
            "whitespace alone must not make a new article"
        );
        assert_ne!(
            content_hash("t", "a b c"),
            content_hash("t", "a b d"),
            "different words are different content"
        );
        assert_ne!(
            content_hash("ab", "c"),
            content_hash("a", "bc"),
            "the title/body boundary matters"
        );
    }
}

/// A source as the source filter lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: i64,
    pub title: String,
    pub kind: SourceKind,
    pub article_count: i64,
    pub unread_count: i64,
    /// For feeds: the feed's address.
    pub url: Option<String>,
    pub site_url: Option<String>,
    pub folder: Option<String>,
    pub last_success_at: Option<Timestamp>,
    /// Why the last fetch failed, if it did.
    pub last_error_code: Option<Code>,
    pub fetch_full_text: bool,
}

impl Library {
    /// Every source with its number of articles, by title.
    pub fn sources(&self) -> Result<Vec<Source>, LibraryError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT s.id, s.title, s.kind,
                        (SELECT count(*) FROM articles a WHERE a.source_id = s.id),
                        (SELECT count(*) FROM articles a WHERE a.source_id = s.id AND a.read_at IS NULL),
                        CASE WHEN s.kind = 'feed' THEN s.locator END, s.site_url, s.folder,
                        s.last_success_at, s.last_error_code, s.fetch_full_text
                 FROM sources s ORDER BY s.folder IS NOT NULL, s.folder, s.title",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(Source {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    kind: {
                        let kind: String = r.get(2)?;
                        kind.parse().map_err(|e| {
                            rusqlite::Error::FromSqlConversionFailure(
                                2,
                                rusqlite::types::Type::Text,
                                Box::new(e),
                            )
                        })?
                    },
                    article_count: r.get(3)?,
                    unread_count: r.get(4)?,
                    url: r.get(5)?,
                    site_url: r.get(6)?,
                    folder: r.get(7)?,
                    last_success_at: r.get(8)?,
                    last_error_code: r.get::<_, Option<String>>(9)?.as_deref().map(Code::from_stored),
                    fetch_full_text: r.get(10)?,
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
    }
}
