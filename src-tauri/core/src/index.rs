//! The search index's write side: an article's folded text into FTS5.
//! It knows no other module of the library but folding, so the migrations
//! (`db`) and storing (`store`) both build on it without a cycle.

use rusqlite::Transaction;

use crate::persian::fold::fold;
use crate::LibraryError;

/// An article's text as the index holds it.
pub(crate) struct Folded {
    pub(crate) title: String,
    pub(crate) body: String,
    pub(crate) author: String,
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
/// Indexes every article again (the index was emptied because folding
/// changed) and rebuilds the term dictionary from the new index.
pub(crate) fn reindex_all(tx: &Transaction<'_>) -> Result<(), LibraryError> {
    index_all(tx)?;
    tx.execute_batch(
        "CREATE VIRTUAL TABLE temp.refolded_words USING fts5vocab (main, article_search, row);
         INSERT OR IGNORE INTO search_terms (term) SELECT term FROM temp.refolded_words;
         DROP TABLE temp.refolded_words;",
    )?;
    Ok(())
}

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
