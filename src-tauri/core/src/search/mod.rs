//! Full-text search over title, body, author and source name.
//!
//! Documents and queries go through the same [`fold`], so every way of typing
//! a Persian word finds the others. The FTS5 index holds only folded text;
//! snippets and highlights are cut from the original text here, by folding
//! each original word and comparing it with the query's terms.
//!
//! Ranking is bm25 with the title weighted ×10, computed here over a bounded
//! set of candidates: the newest [`CANDIDATES`] matches and the newest
//! [`TITLE_CANDIDATES`] title matches. A rare word is ranked over all its
//! matches; a word found in half a million articles over the newest of them
//! and over the newest articles that carry it in their title (which bm25
//! puts first anyway). FTS5's own `bm25()` is not used: on its first row it
//! reads the whole posting list of every term to count documents (about
//! 1 µs per matching document), so a common word costs seconds at a million
//! articles. Here a term's document frequency is counted up to
//! [`DF_SAMPLE`] postings and extrapolated from how far back they reach, and
//! term frequencies come from folding the candidates' text. The work of any
//! query is bounded, whatever the size of the library.
//!
//! Any input is safe: the query language is parsed here (words, `"phrases"`,
//! `prefix*`) and every term reaches FTS5 as a quoted string.

mod highlight;
mod query;
mod rank;

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use crate::articles::{
    summary_from_row, ArticleSummary, MAX_PAGE, SUMMARY_COLUMNS, SUMMARY_COLUMN_COUNT,
};
use crate::{Library, LibraryError, Timestamp};
pub use highlight::highlight;
use query::{match_expression, MAX_PREFIX_TERMS};
pub use query::{parse_query, Term};
use rank::{bm25, count_terms, estimate_document_frequency};

/// The newest this many matches are ranked…
pub const CANDIDATES: u32 = 200;
/// …together with the newest this many matches in the title.
pub const TITLE_CANDIDATES: u32 = 100;
/// Matches are counted up to this many (the UI shows "2,000+"; its copy of
/// the number is generated from this one).
pub const TOTAL_CAP: u32 = 2_000;
/// Title matches are looked for among this many of the newest articles: a
/// pair of common words rarely meets in a title, and looking further back
/// would read their whole posting lists.
const TITLE_WINDOW: i64 = 100_000;
/// Postings read per term to estimate its document frequency.
pub(crate) const DF_SAMPLE: u32 = TOTAL_CAP;

/// Words around the first hit in a snippet.
const SNIPPET_WORDS: usize = 32;

/// What to search for and where.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchQuery {
    pub text: String,
    pub limit: u32,
    pub offset: u32,
    pub source_id: Option<i64>,
    pub bookmarked_only: bool,
    pub unread_only: bool,
    /// Only articles dated at or after this time.
    pub from: Option<Timestamp>,
    /// Only articles dated at or before this time.
    pub to: Option<Timestamp>,
}

/// A piece of original text; `hit` when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextPart {
    pub text: String,
    pub hit: bool,
}

impl SearchHit {
    /// [`ArticleSummary::repaired`] for a hit: each part of a Persian title
    /// or snippet is repaired on its own, so every highlight still covers
    /// the words it covered.
    pub fn repaired(mut self) -> Self {
        let repair = |parts: &mut Vec<TextPart>| {
            for part in parts.iter_mut() {
                part.text = crate::persian::repair_text(&part.text);
            }
        };
        if self.article.title_dir == crate::Direction::Rtl {
            repair(&mut self.title_parts);
        }
        if self.article.snippet_dir == crate::Direction::Rtl {
            repair(&mut self.snippet_parts);
        }
        self.article = self.article.repaired();
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub article: ArticleSummary,
    pub title_parts: Vec<TextPart>,
    pub snippet_parts: Vec<TextPart>,
    /// bm25: lower is better (FTS5's convention).
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchResult {
    pub hits: Vec<SearchHit>,
    /// How many articles match, counted up to [`TOTAL_CAP`].
    pub total: u32,
}

impl Library {
    /// Searches the library. Empty queries find nothing.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResult, LibraryError> {
        let terms = parse_query(&query.text);
        if terms.is_empty() {
            return Ok(SearchResult {
                hits: Vec::new(),
                total: 0,
            });
        }
        // The filters, as SQL on `articles a` joined to the index `s`.
        let mut filter = String::new();
        let mut filter_args: Vec<Value> = Vec::new();
        if let Some(source_id) = query.source_id {
            filter.push_str(" AND a.source_id = ?");
            filter_args.push(Value::Integer(source_id));
        }
        if query.bookmarked_only {
            filter.push_str(" AND EXISTS (SELECT 1 FROM bookmarks b WHERE b.article_id = a.id)");
        }
        if query.unread_only {
            filter.push_str(" AND a.read_at IS NULL");
        }
        if let Some(from) = query.from {
            filter.push_str(" AND a.sort_at >= ?");
            filter_args.push(Value::Integer(from));
        }
        if let Some(to) = query.to {
            filter.push_str(" AND a.sort_at <= ?");
            filter_args.push(Value::Integer(to));
        }
        // Without filters the index alone answers: joining `articles` would
        // read a random page of the library for every match of a word
        // spread over years (a rare word at a million articles: 0.9 s).
        // `from_id`: only articles this new or newer (the title window).
        let matching = |limit: u32, from_id: Option<i64>| {
            let rowid = if filter.is_empty() {
                "rowid"
            } else {
                "s.rowid"
            };
            let window = from_id
                .map(|id| format!(" AND {rowid} >= {id}"))
                .unwrap_or_default();
            if filter.is_empty() {
                format!(
                    "SELECT rowid FROM article_search WHERE article_search MATCH ?{window}
                     ORDER BY rowid DESC LIMIT {limit}"
                )
            } else {
                format!(
                    "SELECT s.rowid FROM article_search s JOIN articles a ON a.id = s.rowid
                     WHERE article_search MATCH ?{filter}{window} ORDER BY s.rowid DESC LIMIT {limit}"
                )
            }
        };
        let with_args = |expression: String| {
            let mut args = vec![Value::Text(expression)];
            args.extend(filter_args.iter().cloned());
            args
        };

        self.read(|conn| {
            let Some(per_term) = match_expression(conn, &terms, MAX_PREFIX_TERMS)? else {
                return Ok(SearchResult {
                    hits: Vec::new(),
                    total: 0,
                });
            };
            let expression = per_term.join(" AND ");
            let ids = |sql: &str, args: Vec<Value>| -> Result<Vec<i64>, LibraryError> {
                let mut stmt = conn.prepare_cached(sql)?;
                let rows = stmt.query_map(params_from_iter(args), |row| row.get(0))?;
                Ok(rows.collect::<Result<_, _>>()?)
            };
            // One walk of the index gives the count (up to the cap), the
            // newest candidates, and for a one-term query its sample too.
            let newest = ids(&matching(TOTAL_CAP, None), with_args(expression.clone()))?;
            let total = newest.len() as u32;
            let mut candidates: Vec<i64> =
                newest.iter().take(CANDIDATES as usize).copied().collect();
            let library_size: i64 =
                conn.query_row("SELECT coalesce(max(id), 0) FROM articles", [], |r| {
                    r.get(0)
                })?;
            if total > CANDIDATES {
                let in_title = format!("{{title}} : ({expression})");
                let window = (library_size - TITLE_WINDOW).max(0);
                let sql = matching(TITLE_CANDIDATES, Some(window));
                candidates.extend(ids(&sql, with_args(in_title))?);
                candidates.sort_unstable_by(|a, b| b.cmp(a));
                candidates.dedup();
            }

            // Document frequencies, for the idf of each term.
            let mut frequencies = Vec::with_capacity(terms.len());
            for term_expression in &per_term {
                if terms.len() == 1 && filter.is_empty() {
                    frequencies.push(estimate_document_frequency(&newest, library_size));
                    continue;
                }
                let sample = ids(
                    &format!(
                        "SELECT rowid FROM article_search WHERE article_search MATCH ?
                         ORDER BY rowid DESC LIMIT {DF_SAMPLE}"
                    ),
                    vec![Value::Text(term_expression.clone())],
                )?;
                frequencies.push(estimate_document_frequency(&sample, library_size));
            }
            let idf: Vec<f64> = frequencies
                .iter()
                .map(|&df| {
                    let n = library_size as f64;
                    ((n - df + 0.5) / (df + 0.5)).ln().max(1e-6)
                })
                .collect();

            // Term frequencies from the candidates' folded text.
            let mut text_of = conn.prepare_cached(
                "SELECT a.title, a.body_text, coalesce(a.author, ''), s.title
                 FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?1",
            )?;
            let mut counted = Vec::with_capacity(candidates.len());
            for &id in &candidates {
                let columns: [String; 4] = text_of
                    .query_row([id], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]))?;
                counted.push((id, count_terms(&terms, &columns)));
            }
            let average_length = if counted.is_empty() {
                1.0
            } else {
                counted.iter().map(|(_, c)| c.length as f64).sum::<f64>() / counted.len() as f64
            };
            let mut ranked: Vec<(i64, f64)> = counted
                .iter()
                .map(|(id, counts)| (*id, -bm25(counts, &idf, average_length)))
                .collect();
            ranked.sort_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));

            let page = ranked
                .iter()
                .skip(query.offset as usize)
                .take(query.limit.min(MAX_PAGE) as usize);
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS}, a.body_text FROM articles a
                   JOIN sources s ON s.id = a.source_id LEFT JOIN bookmarks b ON b.article_id = a.id
                 WHERE a.id = ?1"
            ))?;
            let mut hits = Vec::new();
            for &(id, score) in page {
                let (article, body): (ArticleSummary, String) = stmt.query_row([id], |row| {
                    Ok((summary_from_row(row)?, row.get(SUMMARY_COLUMN_COUNT)?))
                })?;
                hits.push(SearchHit {
                    title_parts: highlight(&article.title, &terms, usize::MAX),
                    snippet_parts: highlight(&body, &terms, SNIPPET_WORDS),
                    article,
                    score,
                });
            }
            Ok(SearchResult { hits, total })
        })
    }
}
