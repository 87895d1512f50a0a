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

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Transaction};

use crate::articles::{summary_from_row, ArticleSummary, SUMMARY_COLUMNS, SUMMARY_COLUMN_COUNT};
use crate::persian::fold::{fold, fold_letters, is_word_char};
use crate::{Library, LibraryError, Timestamp};

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
const DF_SAMPLE: u32 = TOTAL_CAP;

/// Weights of the indexed columns in bm25: title, body, author, source.
const WEIGHTS: [f64; 4] = [10.0, 1.0, 2.0, 1.0];
/// bm25's parameters, as FTS5 sets them.
const K1: f64 = 1.2;
const B: f64 = 0.75;

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

/// One term of a parsed query, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Word { text: String, prefix: bool },
    Phrase(Vec<String>),
}

/// Parses what a user typed into terms: `"…"` is a phrase (an unclosed quote
/// runs to the end), a trailing `*` makes a prefix, everything else is a
/// word; punctuation and FTS5 syntax are plain separators.
pub fn parse_query(input: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    for (index, segment) in input.split('"').enumerate() {
        let folded = fold(segment);
        let words = folded.split(' ').filter(|w| !w.is_empty());
        if index % 2 == 1 {
            let phrase: Vec<String> = words
                .filter(|w| is_searchable(w))
                .map(str::to_owned)
                .collect();
            match phrase.len() {
                0 => {}
                1 => terms.push(Term::Word {
                    text: phrase[0].clone(),
                    prefix: false,
                }),
                _ => terms.push(Term::Phrase(phrase)),
            }
        } else {
            for word in words {
                if word == "*" {
                    if let Some(Term::Word { prefix, .. }) = terms.last_mut() {
                        *prefix = true;
                    }
                } else if is_searchable(word) {
                    terms.push(Term::Word {
                        text: word.to_owned(),
                        prefix: false,
                    });
                }
            }
        }
    }
    terms
}

fn is_searchable(word: &str) -> bool {
    word.chars().any(char::is_alphanumeric)
}

/// A prefix query expands to at most this many words of the dictionary; a
/// prefix that more words share (one or two letters) is left to FTS5's own
/// prefix query, which merges the postings of all of them.
const MAX_PREFIX_TERMS: usize = 4096;

/// A term as an FTS5 expression; every word in it is a quoted string. `None`
/// when the term can match nothing: a prefix of no indexed word.
///
/// A prefix term becomes the OR of the indexed words that start with it,
/// looked up in the term dictionary (`search_terms`): FTS5 walks an OR of
/// words lazily, newest first, and stops at the query's LIMIT, where its own
/// `"abc" *` first merges the whole posting list of every such word (a
/// common prefix at a million articles: 100–250 ms).
fn term_expression(
    conn: &rusqlite::Connection,
    term: &Term,
    max_prefix_terms: usize,
) -> Result<Option<String>, LibraryError> {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    Ok(Some(match term {
        Term::Word {
            text,
            prefix: false,
        } => quote(text),
        Term::Phrase(words) => quote(&words.join(" ")),
        Term::Word { text, prefix: true } => {
            let mut stmt = conn.prepare_cached(
                "SELECT term FROM search_terms WHERE term >= ?1 AND term < ?1 || char(1114111)
                 ORDER BY term LIMIT ?2",
            )?;
            let words: Vec<String> = stmt
                .query_map(rusqlite::params![text, max_prefix_terms as i64 + 1], |r| {
                    r.get(0)
                })?
                .collect::<Result<_, _>>()?;
            if words.is_empty() {
                return Ok(None);
            } else if words.len() > max_prefix_terms {
                format!("{} *", quote(text))
            } else {
                let alternatives: Vec<String> = words.iter().map(|w| quote(w)).collect();
                format!("({})", alternatives.join(" OR "))
            }
        }
    }))
}

/// The FTS5 MATCH expression of each term (all must match); `None` when
/// one of them can match nothing.
fn match_expression(
    conn: &rusqlite::Connection,
    terms: &[Term],
    max_prefix_terms: usize,
) -> Result<Option<Vec<String>>, LibraryError> {
    terms
        .iter()
        .map(|term| term_expression(conn, term, max_prefix_terms))
        .collect()
}

/// The distinct words of what one write transaction indexes, added to the
/// term dictionary (`search_terms`) before it commits
/// ([`Library::write_indexing`]): the dictionary that prefix queries expand
/// through holds every word the index holds. Words are
/// cut from the folded text as the index cuts them (runs of word
/// characters; folding has lower-cased them and removed half-spaces).
#[derive(Default)]
pub(crate) struct NewTerms {
    words: rustc_hash::FxHashSet<String>,
    /// Sets collected before the transaction (see [`NewTerms::merge`]),
    /// kept apart: each is filtered against the known words on its own,
    /// instead of being hashed into `words` first.
    collected: Vec<rustc_hash::FxHashSet<String>>,
}

impl NewTerms {
    pub(crate) fn add(&mut self, text: &str) {
        for word in text.split(|c: char| !is_word_char(c)) {
            if !word.is_empty() && !self.words.contains(word) {
                self.words.insert(word.to_owned());
            }
        }
    }

    /// The words of one article's folded title, body and author.
    pub(crate) fn add_folded(&mut self, folded: &Folded) {
        for text in [&folded.title, &folded.body, &folded.author] {
            self.add(text);
        }
    }

    /// The words of many articles, collected before the write transaction
    /// (a sync does it in each feed's own task), so that the writer only
    /// [`merge`](Self::merge)s one set per feed instead of cutting every
    /// word of every article itself.
    pub(crate) fn of_all<'a>(folded: impl IntoIterator<Item = &'a Folded>) -> Self {
        let mut terms = Self::default();
        for folded in folded {
            terms.add_folded(folded);
        }
        terms
    }

    /// Forgets the words the library's dictionary is known to hold (a
    /// feed's task does it, so the writer looks up only the rest).
    pub(crate) fn forget_known(&mut self, library: &Library) {
        let known = library.known_terms();
        self.words.retain(|w| !known.contains(w));
    }

    pub(crate) fn merge(&mut self, other: NewTerms) {
        self.collected.push(other.words);
        self.collected.extend(other.collected);
    }

    /// The words not in `known`, sorted, each once.
    fn not_in(self, known: &rustc_hash::FxHashSet<String>) -> Vec<String> {
        let mut fresh: Vec<String> = std::iter::once(self.words)
            .chain(self.collected)
            .flatten()
            .filter(|t| !known.contains(t))
            .collect();
        fresh.sort_unstable();
        fresh.dedup();
        fresh
    }
}

/// Words this process has seen committed to the dictionary are not written
/// again; past this many, the memory is cleared and starts over.
const KNOWN_TERMS_CAP: usize = 200_000;

impl Library {
    /// [`Library::write`] for a transaction that indexes articles: `f`
    /// collects their words, and the words not known to be in the dictionary
    /// are added before the transaction commits (in order, so its B-tree is
    /// walked once), then remembered. A sync writes in many small
    /// transactions: without the memory, each would look up every common
    /// word again.
    pub(crate) fn write_indexing<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>, &mut NewTerms) -> Result<T, LibraryError>,
    ) -> Result<T, LibraryError> {
        let mut fresh: Vec<String> = Vec::new();
        let value = self.write(|tx| {
            let mut terms = NewTerms::default();
            let value = f(tx, &mut terms)?;
            fresh = terms.not_in(&self.known_terms());
            let mut insert =
                tx.prepare_cached("INSERT OR IGNORE INTO search_terms (term) VALUES (?1)")?;
            for word in &fresh {
                insert.execute([word])?;
            }
            Ok(value)
        })?;
        // Another transaction may have committed meanwhile and not yet
        // told: it then writes some of these words again (`OR IGNORE`).
        let mut known = self.known_terms_mut();
        if known.len() + fresh.len() > KNOWN_TERMS_CAP {
            known.clear();
        }
        known.extend(fresh);
        Ok(value)
    }
}

/// An article's text as the index holds it.
pub(crate) struct Folded {
    title: String,
    body: String,
    author: String,
}

impl Folded {
    pub(crate) fn of(title: &str, body: &str, author: Option<&str>) -> Self {
        Self {
            title: fold(title),
            body: fold(body),
            author: fold(author.unwrap_or("")),
        }
    }
}

/// Writes an article's folded text into the index (inside the caller's
/// transaction); `source` is the source's title, already folded. The caller
/// adds the article's words to the transaction's [`NewTerms`].
pub(crate) fn index_folded(
    tx: &Transaction<'_>,
    id: i64,
    folded: &Folded,
    source: &str,
) -> Result<(), LibraryError> {
    tx.prepare_cached("INSERT INTO article_search (rowid, title, body, author, source) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(rusqlite::params![id, folded.title, folded.body, folded.author, source])?;
    Ok(())
}

/// Folds and indexes one article for the migration that builds the index
/// (schema 2); the term dictionary came later (schema 4) and was filled from
/// the index.
fn index_article(
    tx: &Transaction<'_>,
    id: i64,
    title: &str,
    body: &str,
    author: Option<&str>,
    source: &str,
) -> Result<(), LibraryError> {
    index_folded(tx, id, &Folded::of(title, body, author), &fold(source))
}

/// Rebuilds the index of every article (used by the migration that adds it).
pub(crate) fn index_all(tx: &Transaction<'_>) -> Result<(), LibraryError> {
    let mut stmt = tx.prepare(
        "SELECT a.id, a.title, a.body_text, a.author, s.title FROM articles a JOIN sources s ON s.id = a.source_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let author: Option<String> = row.get(3)?;
        index_article(
            tx,
            row.get(0)?,
            &row.get::<_, String>(1)?,
            &row.get::<_, String>(2)?,
            author.as_deref(),
            &row.get::<_, String>(4)?,
        )?;
    }
    Ok(())
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
        let matching = |limit: u32| {
            if filter.is_empty() {
                format!(
                    "SELECT rowid FROM article_search WHERE article_search MATCH ?
                     ORDER BY rowid DESC LIMIT {limit}"
                )
            } else {
                format!(
                    "SELECT s.rowid FROM article_search s JOIN articles a ON a.id = s.rowid
                     WHERE article_search MATCH ?{filter} ORDER BY s.rowid DESC LIMIT {limit}"
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
            let newest = ids(&matching(TOTAL_CAP), with_args(expression.clone()))?;
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
                let rowid = if filter.is_empty() {
                    "rowid"
                } else {
                    "s.rowid"
                };
                let sql = matching(TITLE_CANDIDATES)
                    .replace(" ORDER BY", &format!(" AND {rowid} >= {window} ORDER BY"));
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
                .take(query.limit.min(crate::articles::MAX_PAGE) as usize);
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

/// An import that adds at least this many articles compacts the search
/// index afterwards (see [`Library::compact_search_index`]).
pub const COMPACT_AFTER: u64 = 10_000;

/// Leaf pages (about 4 KB each) one compaction step merges: a step is one
/// short write transaction.
const COMPACT_STEP_PAGES: u32 = 2_000;

impl Library {
    /// Merges the search index into one segment, in short steps, each its
    /// own write transaction, so bookmarks and syncs go on between them.
    ///
    /// FTS5 keeps its index as segments that it merges as they pile up; a
    /// bulk import leaves a couple of dozen, and every word of a query is
    /// looked up in each of them: a prefix that expands to a thousand words
    /// does a thousand lookups per segment. Measured at a million articles,
    /// 22 segments: prefix queries p95 76 ms before compacting, 30 ms after.
    /// Compacting rewrites the whole index (about 20 s at a million
    /// articles), so it is for after large imports, not after every sync.
    /// Returns the number of steps that merged something.
    pub fn compact_search_index(&self) -> Result<u32, LibraryError> {
        let mut steps = 0;
        loop {
            // FTS5's documented way to tell whether a merge did any work:
            // it changed at least two rows of its tables.
            let merged = self.write(|tx| {
                let before = tx.total_changes();
                tx.execute(
                    "INSERT INTO article_search (article_search, rank) VALUES ('merge', ?1)",
                    [-i64::from(COMPACT_STEP_PAGES)],
                )?;
                Ok(tx.total_changes() - before >= 2)
            })?;
            if !merged {
                return Ok(steps);
            }
            steps += 1;
        }
    }

    /// What an import does when it is done: compacts the search index if
    /// the import added at least [`COMPACT_AFTER`] articles. Returns the
    /// steps taken (0: not needed).
    pub fn compact_after_import(&self, added: u64) -> Result<u32, LibraryError> {
        if added < COMPACT_AFTER {
            return Ok(0);
        }
        self.compact_search_index()
    }
}

/// A term's document frequency from the newest postings of it (`sample`,
/// newest first, at most [`DF_SAMPLE`]): exact when the sample is all of
/// them, otherwise scaled by the share of the library (by id) the sample
/// reaches back over.
fn estimate_document_frequency(sample: &[i64], library_size: i64) -> f64 {
    let count = sample.len() as f64;
    match (sample.first(), sample.last()) {
        (Some(&newest), Some(&oldest)) if sample.len() as u32 >= DF_SAMPLE => {
            let span = (newest.max(library_size) - oldest + 1).max(1) as f64;
            (count * library_size as f64 / span).min(library_size as f64)
        }
        _ => count,
    }
}

/// What bm25 needs of one document: for each term, its occurrences in each
/// column; and the document's length in tokens.
#[derive(Debug, Default, PartialEq)]
struct TermCounts {
    per_term: Vec<[u32; 4]>,
    length: usize,
}

/// Counts each term's occurrences in the folded columns, tokenised as the
/// index tokenises (runs of letters and digits).
fn count_terms(terms: &[Term], columns: &[String; 4]) -> TermCounts {
    let mut counts = TermCounts {
        per_term: vec![[0; 4]; terms.len()],
        length: 0,
    };
    for (column, text) in columns.iter().enumerate() {
        let folded = fold(text);
        let tokens: Vec<&str> = folded
            .split(|c: char| !is_word_char(c))
            .filter(|t| !t.is_empty())
            .collect();
        counts.length += tokens.len();
        for (term, count) in terms.iter().zip(counts.per_term.iter_mut()) {
            count[column] = match term {
                Term::Word {
                    text,
                    prefix: false,
                } => tokens.iter().filter(|t| **t == text).count() as u32,
                Term::Word { text, prefix: true } => tokens
                    .iter()
                    .filter(|t| t.starts_with(text.as_str()))
                    .count() as u32,
                Term::Phrase(words) => tokens
                    .windows(words.len())
                    .filter(|w| w.iter().zip(words).all(|(a, b)| *a == b))
                    .count() as u32,
            };
        }
    }
    counts
}

/// Okapi bm25 as FTS5 computes it: per term, the column-weighted frequency
/// saturated against the document's length. Higher is better.
fn bm25(counts: &TermCounts, idf: &[f64], average_length: f64) -> f64 {
    let length_factor = 1.0 - B + B * counts.length as f64 / average_length.max(1.0);
    counts
        .per_term
        .iter()
        .zip(idf)
        .map(|(columns, idf)| {
            let f: f64 = columns
                .iter()
                .zip(WEIGHTS)
                .map(|(&n, w)| f64::from(n) * w)
                .sum();
            idf * f * (K1 + 1.0) / (f + K1 * length_factor)
        })
        .sum()
}

/// Where each word of `text` is (byte ranges), without folding any.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, is_word_char(c) && i < text.len()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// Whether `pieces` written together spell `term` (or, for a prefix term,
/// begin with it), compared piece by piece without joining them. Every piece
/// must be needed: a prefix that ends before the last piece does not make
/// that piece a hit (`کتاب*` marks `کتابها`, not `کتابها را`).
fn spells(pieces: &[String], term: &str, prefix: bool) -> bool {
    let mut rest = term;
    for (n, piece) in pieces.iter().enumerate() {
        if rest.is_empty() {
            return false;
        }
        if let Some(after) = rest.strip_prefix(piece.as_str()) {
            rest = after;
        } else {
            return prefix && n + 1 == pieces.len() && piece.starts_with(rest);
        }
    }
    rest.is_empty()
}

/// Marks the words of `text` that match the terms, also when the text spells
/// a term in two or three words (`می کند`, `گفت و گو`), and cuts a window of
/// about `max_words` around the first hit. Words are folded as the scan
/// reaches them, and the scan stops at the end of the window: a snippet of a
/// long article costs the words up to its first hit, not the whole text.
pub fn highlight(text: &str, terms: &[Term], max_words: usize) -> Vec<TextPart> {
    let words = word_spans(text);
    let mut folded: Vec<String> = Vec::new();
    let mut hit = vec![false; words.len()];
    let wanted: Vec<(&str, bool)> = terms
        .iter()
        .flat_map(|t| match t {
            Term::Word { text, prefix } => vec![(text.as_str(), *prefix)],
            Term::Phrase(words) => words.iter().map(|w| (w.as_str(), false)).collect(),
        })
        .collect();
    let matches = |pieces: &[String]| {
        wanted
            .iter()
            .any(|(term, prefix)| spells(pieces, term, *prefix))
    };
    // The window: from a few words before the first hit (or the whole text
    // when it is short enough).
    let mut window = (words.len() <= max_words).then_some((0, words.len()));
    for i in 0..words.len() {
        if window.is_some_and(|(_, last)| i >= last) {
            break;
        }
        while folded.len() < (i + 3).min(words.len()) {
            let (start, end) = words[folded.len()];
            let mut word = String::new();
            fold_letters(&text[start..end], &mut word);
            folded.push(word);
        }
        if matches(&folded[i..=i]) {
            hit[i] = true;
        }
        for span in [2, 3] {
            if i + span <= words.len() && matches(&folded[i..i + span]) {
                hit[i..i + span].iter_mut().for_each(|h| *h = true);
            }
        }
        if window.is_none() && hit[i] {
            let first = i.saturating_sub(6).min(words.len() - max_words);
            window = Some((first, first + max_words));
        }
    }
    let (first, last) = window.unwrap_or((0, max_words.min(words.len())));
    let mut parts: Vec<TextPart> = Vec::new();
    let push = |parts: &mut Vec<TextPart>, text: &str, is_hit: bool| {
        if text.is_empty() {
            return;
        }
        match parts.last_mut() {
            Some(last) if last.hit == is_hit => last.text.push_str(text),
            _ => parts.push(TextPart {
                text: text.to_owned(),
                hit: is_hit,
            }),
        }
    };
    if words.is_empty() {
        push(&mut parts, text, false);
        return parts;
    }
    let window_start = if first == 0 { 0 } else { words[first].0 };
    let window_end = if last == words.len() {
        text.len()
    } else {
        words[last - 1].1
    };
    if first > 0 {
        push(&mut parts, "…", false);
    }
    let mut cursor = window_start;
    for i in first..last {
        let (start, end) = words[i];
        // The gap before a word is a hit only between two hit words.
        let gap_hit = hit[i] && i > first && hit[i - 1];
        push(&mut parts, &text[cursor..start], gap_hit);
        push(&mut parts, &text[start..end], hit[i]);
        cursor = end;
    }
    push(&mut parts, &text[cursor..window_end], false);
    if last < words.len() {
        push(&mut parts, "…", false);
    }
    // Newlines inside a snippet read as spaces.
    for part in &mut parts {
        if part.text.contains('\n') {
            part.text = part.text.replace('\n', " ");
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str) -> Term {
        Term::Word {
            text: text.into(),
            prefix: false,
        }
    }

    #[test]
    fn queries_parse_into_folded_terms() {
        let cases: &[(&str, Vec<Term>, &str)] = &[
            (
                "رئیس جمهور",
                vec![word("رییسجمهور")],
                "a spaced compound is one term",
            ),
            ("می کند", vec![word("میکند")], "a spaced verb is one term"),
            (
                "كتاب*",
                vec![Term::Word {
                    text: "کتاب".into(),
                    prefix: true,
                }],
                "prefix, Arabic kaf folded",
            ),
            (
                "\"تحمیل تحریم\"",
                vec![Term::Phrase(vec!["تحمیل".into(), "تحریم".into()])],
                "a phrase",
            ),
            (
                "\"unclosed phrase",
                vec![Term::Phrase(vec!["unclosed".into(), "phrase".into()])],
                "unclosed quote",
            ),
            (
                "a AND (b OR c) NOT -d",
                vec![
                    word("a"),
                    word("and"),
                    word("b"),
                    word("or"),
                    word("c"),
                    word("not"),
                    word("d"),
                ],
                "FTS5 syntax is plain text",
            ),
            (
                "* \" ' ( ) : ^ ، ؟",
                vec![],
                "punctuation alone is no query",
            ),
        ];
        for (input, expected, why) in cases {
            assert_eq!(&parse_query(input), expected, "{why}: {input}");
        }
    }

    #[test]
    fn match_expressions_quote_every_term_and_expand_prefixes_through_the_dictionary() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE search_terms (term TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
             INSERT INTO search_terms VALUES ('کتابها'), ('کتاب'), ('کتابخانه'), ('کاغذ'), ('کتا');",
        )
        .unwrap();
        let expression = |query: &str, cap: usize| {
            match_expression(&conn, &parse_query(query), cap)
                .unwrap()
                .map(|parts| parts.join(" AND "))
        };
        assert_eq!(
            expression("كتاب* \"a b\" c", 10).unwrap(),
            "(\"کتاب\" OR \"کتابخانه\" OR \"کتابها\") AND \"a b\" AND \"c\"",
            "a prefix becomes the words that start with it, `کتا` and `کاغذ` left out"
        );
        assert_eq!(
            expression("كتاب*", 2).unwrap(),
            "\"کتاب\" *",
            "a prefix shared by more words than the cap is left to FTS5"
        );
        assert_eq!(
            expression("قلم* کتاب", 10),
            None,
            "a prefix of no indexed word matches nothing, and so neither does the query"
        );
    }

    #[test]
    fn words_of_a_write_that_failed_are_written_by_the_next_one() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("library.sqlite")).unwrap();
        let failed: Result<(), LibraryError> = library.write_indexing(|_, terms| {
            terms.add("واژهنو");
            Err(LibraryError::SourceNotFound(0))
        });
        assert!(failed.is_err(), "the first write fails");
        let stored = |library: &Library| -> i64 {
            library
                .read(|c| {
                    Ok(c.query_row(
                        "SELECT count(*) FROM search_terms WHERE term = 'واژهنو'",
                        [],
                        |r| r.get(0),
                    )?)
                })
                .unwrap()
        };
        assert_eq!(stored(&library), 0, "a rolled-back write leaves no word");
        library
            .write_indexing(|_, terms| {
                terms.add("واژهنو");
                Ok(())
            })
            .unwrap();
        assert_eq!(
            stored(&library),
            1,
            "the word is not remembered as stored: the next write stores it"
        );
    }

    fn marked(parts: &[TextPart]) -> String {
        parts
            .iter()
            .map(|p| {
                if p.hit {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn highlights_fall_on_the_original_text_however_it_is_spelled() {
        let terms = parse_query("میکند رئيس‌جمهور 50");
        let text = "او می کند و رئیس جمهور گفت که رئیسجمهور ۵۰ دقیقه صحبت می‌کند.";
        assert_eq!(
            marked(&highlight(text, &terms, usize::MAX)),
            "او [می کند] و [رئیس جمهور] گفت که [رئیسجمهور ۵۰] دقیقه صحبت [می‌کند].",
            "every spelling is marked; neighbouring hits read as one mark"
        );
    }

    #[test]
    fn snippets_are_cut_around_the_first_hit() {
        let text = (1..=100)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let parts = highlight(&text, &parse_query("w50"), 10);
        let shown = marked(&parts);
        assert!(
            shown.starts_with("…w44 "),
            "starts a few words before the hit: {shown}"
        );
        assert!(
            shown.contains("[w50]") && shown.ends_with("w53…"),
            "{shown}"
        );
    }

    #[test]
    fn snippets_mark_prefixes_and_spaced_spellings_deep_in_a_long_text() {
        let filler = (1..=60).map(|i| format!("w{i}")).collect::<Vec<_>>();
        let text = format!("{} کتابها را می کند {}", filler.join(" "), filler.join(" "));
        let shown = marked(&highlight(&text, &parse_query("کتاب* میکند"), 10));
        assert!(
            shown.contains("[کتابها] را [می کند]") && shown.starts_with('…') && shown.ends_with('…'),
            "a prefix hit and a verb written in two words, inside a window of the long text: {shown}"
        );
    }

    #[test]
    fn words_spell_a_term_piece_by_piece() {
        let pieces = |words: &[&str]| words.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
        let cases: &[(&[&str], &str, bool, bool, &str)] = &[
            (
                &["می", "کند"],
                "میکند",
                false,
                true,
                "two words spell the term",
            ),
            (
                &["می", "کند"],
                "میکن",
                false,
                false,
                "longer than an exact term",
            ),
            (
                &["می", "کند"],
                "میکن",
                true,
                true,
                "a prefix ends inside the last word",
            ),
            (
                &["می", "کند"],
                "میکندند",
                true,
                false,
                "shorter than a prefix",
            ),
            (
                &["رئیس", "جمهور"],
                "رئیسجمهور",
                true,
                true,
                "a prefix ends with the last word",
            ),
            (
                &["رئیس", "جمهور", "گفت"],
                "رئیسجمهور",
                true,
                false,
                "a word after the prefix is not part of the hit",
            ),
            (
                &["رئیس", "جمهور", "گفت"],
                "رئیسجمهور",
                false,
                false,
                "an exact term must use every word",
            ),
            (&["کتاب"], "کتب", true, false, "not a prefix"),
            (
                &["کتابها", "را"],
                "کتاب",
                true,
                false,
                "a prefix inside the first word needs no second",
            ),
        ];
        for (words, term, prefix, expected, why) in cases {
            assert_eq!(spells(&pieces(words), term, *prefix), *expected, "{why}");
        }
    }
}
