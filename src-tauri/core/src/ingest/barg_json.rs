//! Barg's own library file: JSON Lines, one object per line, so export and
//! import both stream (memory stays flat on any size). Lossless: importing an
//! export into an empty library gives the same sources, articles (with their
//! times and read state) and bookmarks.
//!
//! ```text
//! {"barg":"library","version":1,"exportedAt":1764000000,"bookmarksOnly":false}
//! {"type":"source","locator":"sample:barg","kind":"sample","title":"…", …}
//! {"type":"article","source":"sample:barg","guid":"…","title":"…", …,"bookmark":{"createdAt":…,"note":null}}
//! ```

use std::io::{BufRead, Write};

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::sanitize::{clean_text, safe_link, sanitize_html};
use super::{ImportCounts, IngestError};
use crate::{InsertOutcome, Library, LibraryError, NewArticle, SourceKind, Timestamp};

/// How every export begins (lower-case, as format detection compares).
pub const HEADER_START: &str = "{\"barg\":\"library\"";

const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Header {
    barg: String,
    version: u32,
    exported_at: Timestamp,
    bookmarks_only: bool,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Line {
    Source(SourceLine),
    Article(Box<ArticleLine>),
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SourceLine {
    locator: String,
    kind: String,
    title: String,
    site_url: Option<String>,
    language: Option<String>,
    folder: Option<String>,
    created_at: Timestamp,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ArticleLine {
    source: String,
    guid: String,
    url: Option<String>,
    title: String,
    author: Option<String>,
    published_at: Option<Timestamp>,
    fetched_at: Timestamp,
    language: Option<String>,
    body_html: String,
    body_text: String,
    read_at: Option<Timestamp>,
    bookmark: Option<BookmarkLine>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct BookmarkLine {
    created_at: Timestamp,
    note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
}

fn kind_of(kind: &str) -> SourceKind {
    match kind {
        "sample" => SourceKind::Sample,
        "web" => SourceKind::Web,
        "feed" => SourceKind::Feed,
        _ => SourceKind::File,
    }
}

/// Counts of an export.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportCounts {
    pub articles: u64,
    pub bookmarks: u64,
}

/// Writes the library (or only its bookmarked articles) as JSON Lines.
pub fn export(
    library: &Library,
    out: &mut impl Write,
    bookmarks_only: bool,
    now: Timestamp,
) -> Result<ExportCounts, IngestError> {
    let header = Header {
        barg: "library".into(),
        version: VERSION,
        exported_at: now,
        bookmarks_only,
    };
    write_json_line(out, &header)?;
    let counts = library.read(|conn| {
        // One read transaction: sources and articles from the same snapshot,
        // even while a sync writes.
        conn.execute_batch("BEGIN")?;
        let counts = write_sources_and_articles(conn, out, bookmarks_only);
        conn.execute_batch("COMMIT")?;
        counts
    })?;
    out.flush()?;
    Ok(counts)
}

fn write_sources_and_articles(
    conn: &rusqlite::Connection,
    out: &mut impl Write,
    bookmarks_only: bool,
) -> Result<ExportCounts, LibraryError> {
    let mut sources =
        conn.prepare("SELECT locator, kind, title, site_url, language, folder, created_at FROM sources ORDER BY id")?;
    let mut rows = sources.query([])?;
    while let Some(row) = rows.next()? {
        let line = Line::Source(SourceLine {
            locator: row.get(0)?,
            kind: row.get(1)?,
            title: row.get(2)?,
            site_url: row.get(3)?,
            language: row.get(4)?,
            folder: row.get(5)?,
            created_at: row.get(6)?,
        });
        write_json_line(out, &line)?;
    }
    let mut counts = ExportCounts::default();
    let mut articles = conn.prepare(&format!(
        "SELECT s.locator, a.guid, a.url, a.title, a.author, a.published_at, a.fetched_at, a.language,
                a.body_html, a.body_text, a.read_at, b.created_at, b.note, a.id
         FROM articles a JOIN sources s ON s.id = a.source_id LEFT JOIN bookmarks b ON b.article_id = a.id
         {} ORDER BY a.id",
        if bookmarks_only { "WHERE b.article_id IS NOT NULL" } else { "" }
    ))?;
    let mut tags_of =
        conn.prepare("SELECT tag FROM bookmark_tags WHERE article_id = ?1 ORDER BY tag")?;
    let mut rows = articles.query([])?;
    while let Some(row) = rows.next()? {
        let bookmark_at: Option<Timestamp> = row.get(11)?;
        let tags: Vec<String> = if bookmark_at.is_some() {
            tags_of
                .query_map([row.get::<_, i64>(13)?], |r| r.get(0))?
                .collect::<Result<_, _>>()?
        } else {
            Vec::new()
        };
        let line = Line::Article(Box::new(ArticleLine {
            source: row.get(0)?,
            guid: row.get(1)?,
            url: row.get(2)?,
            title: row.get(3)?,
            author: row.get(4)?,
            published_at: row.get(5)?,
            fetched_at: row.get(6)?,
            language: row.get(7)?,
            body_html: row.get(8)?,
            body_text: row.get(9)?,
            read_at: row.get(10)?,
            bookmark: match bookmark_at {
                Some(created_at) => Some(BookmarkLine {
                    created_at,
                    note: row.get(12)?,
                    tags,
                }),
                None => None,
            },
        }));
        counts.articles += 1;
        counts.bookmarks += u64::from(bookmark_at.is_some());
        write_json_line(out, &line)?;
    }
    Ok(counts)
}

/// One JSON object and a newline.
fn write_json_line(out: &mut impl Write, value: &impl Serialize) -> Result<(), LibraryError> {
    serde_json::to_writer(&mut *out, value).map_err(|e| LibraryError::Io(e.into()))?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Reads an export line by line and stores what the library lacks; a
/// bookmark in the file is set on the article whether it was new or not.
pub fn import(
    library: &Library,
    reader: impl BufRead,
    now: Timestamp,
) -> Result<ImportCounts, IngestError> {
    let mut lines = reader.lines();
    let header: Header = match lines.next() {
        Some(line) => serde_json::from_str(line?.trim_start_matches('\u{FEFF}'))
            .map_err(|e| IngestError::Malformed(format!("header: {e}")))?,
        None => return Err(IngestError::Malformed("empty file".into())),
    };
    if header.barg != "library" || header.version > VERSION {
        return Err(IngestError::Malformed(format!(
            "unknown Barg file version {}",
            header.version
        )));
    }
    let mut sources: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
    let mut counts = ImportCounts::default();
    let mut batch: Vec<ArticleLine> = Vec::new();
    for (number, line) in lines.enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line = serde_json::from_str(&line)
            .map_err(|e| IngestError::Malformed(format!("line {}: {e}", number + 2)))?;
        match parsed {
            Line::Source(source) => {
                let id = library.ensure_source(
                    kind_of(&source.kind),
                    &clean_text(&source.title),
                    &source.locator,
                    source.created_at,
                )?;
                sources.insert(source.locator, id);
            }
            Line::Article(article) => {
                batch.push(*article);
                if batch.len() >= super::BATCH {
                    store_batch(library, &sources, &mut batch, &mut counts, now)?;
                }
            }
        }
    }
    store_batch(library, &sources, &mut batch, &mut counts, now)?;
    Ok(counts)
}

fn store_batch(
    library: &Library,
    sources: &std::collections::HashMap<String, i64>,
    batch: &mut Vec<ArticleLine>,
    counts: &mut ImportCounts,
    now: Timestamp,
) -> Result<(), IngestError> {
    // Group by source (exports are written source by source, so runs are long).
    let mut start = 0;
    while start < batch.len() {
        let locator = batch[start].source.clone();
        let end = batch[start..]
            .iter()
            .position(|a| a.source != locator)
            .map_or(batch.len(), |p| start + p);
        let source_id = match sources.get(&locator) {
            Some(id) => *id,
            None => library.ensure_source(SourceKind::File, &locator, &locator, now)?,
        };
        let run = &batch[start..end];
        let articles: Vec<NewArticle> = run
            .iter()
            // A Barg file may come from anyone: its HTML and text fields are
            // cleaned like a feed's before they are stored.
            .map(|a| NewArticle {
                guid: a.guid.clone(),
                url: a.url.as_deref().and_then(safe_link),
                title: clean_text(&a.title),
                author: a.author.as_deref().map(clean_text),
                published_at: a.published_at,
                language: a.language.clone(),
                body_html: sanitize_html(&a.body_html, None),
                body_text: a.body_text.clone(),
            })
            .collect();
        let outcomes = library.add_articles(source_id, &articles, now)?;
        counts.count(&outcomes);
        // Restore times, read state and bookmarks in one more short write.
        library.write(|tx| {
            for (line, outcome) in run.iter().zip(&outcomes) {
                let id = match outcome {
                    InsertOutcome::Added(id) => {
                        tx.prepare_cached(
                            "UPDATE articles SET fetched_at = ?2, sort_at = coalesce(published_at, ?2), read_at = ?3
                             WHERE id = ?1",
                        )?
                        .execute(params![id, line.fetched_at, line.read_at])?;
                        *id
                    }
                    InsertOutcome::Duplicate(id) => *id,
                };
                if let Some(bookmark) = &line.bookmark {
                    tx.prepare_cached(
                        "INSERT INTO bookmarks (article_id, created_at, note) VALUES (?1, ?2, ?3)
                         ON CONFLICT (article_id) DO NOTHING",
                    )?
                    .execute(params![id, bookmark.created_at, bookmark.note])?;
                    for tag in &bookmark.tags {
                        tx.prepare_cached(
                            "INSERT INTO bookmark_tags (article_id, tag) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                        )?
                        .execute(params![id, crate::ingest::sanitize::clean_text(tag)])?;
                    }
                }
            }
            Ok(())
        })?;
        start = end;
    }
    batch.clear();
    Ok(())
}
