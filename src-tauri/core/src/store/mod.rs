//! Storing articles: what is derived from an article before the write lock
//! is taken (hash, direction, folded text), and the insert or update that
//! stores and indexes it in the caller's transaction. Imports, syncs and
//! saved pages all store through here; `articles` lists and `search`
//! queries what it wrote.

pub mod compact;
pub(crate) mod terms;

use rusqlite::{params, OptionalExtension};

use crate::articles::{InsertOutcome, NewArticle};
use crate::index::{self, Folded};
use crate::text::{detect_direction, Direction};
use crate::{Library, LibraryError, Timestamp};

impl Library {
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
        let ready = ready_all(articles);
        self.write_indexing(|tx, terms| {
            let source = folded_source_title(tx, source_id)?;
            let outcomes = ready
                .iter()
                .map(|article| insert_article(tx, source_id, &source, article, now))
                .collect::<Result<Vec<_>, _>>()?;
            let mut added = false;
            for (article, outcome) in ready.iter().zip(&outcomes) {
                if let InsertOutcome::Added(_) = outcome {
                    terms.add_folded(&article.form.folded);
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

/// An article's form as the library keeps and indexes it (content hash,
/// direction, folded text): what storing it needs that can be computed
/// without the library, before the write lock is taken (a sync does it in
/// each feed's own task), so that the writer only writes.
pub(crate) struct IndexedForm {
    pub hash: String,
    pub dir: Direction,
    pub folded: Folded,
}

pub(crate) fn derive(article: &NewArticle) -> IndexedForm {
    derive_version(article, content_hash(&article.title, &article.body_text))
}

/// [`derive`] with the hash the article is known by given (a feed item's
/// is that of the feed's own text, also when a page's text replaced it).
pub(crate) fn derive_version(article: &NewArticle, hash: String) -> IndexedForm {
    IndexedForm {
        hash,
        dir: detect_direction(
            &format!("{}\n{}", article.title, article.body_text),
            Direction::Rtl,
        ),
        folded: Folded::of(
            &article.title,
            &article.body_text,
            article.author.as_deref(),
        ),
    }
}

/// Deriving spreads over at most this many threads…
const MAX_DERIVE_THREADS: usize = 8;
/// …once a batch has this many articles (fewer are not worth a thread).
const PARALLEL_DERIVE_FROM: usize = 64;

/// [`derive`]s articles from anywhere, on every core when there are enough
/// of them to pay.
pub(crate) fn derive_each(articles: &[&NewArticle]) -> Vec<IndexedForm> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(MAX_DERIVE_THREADS);
    if threads < 2 || articles.len() < PARALLEL_DERIVE_FROM {
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

/// An article with its [`IndexedForm`], ready to store.
pub(crate) struct ReadyArticle<'a> {
    pub article: &'a NewArticle,
    pub form: IndexedForm,
}

/// Readies a batch, deriving on every core when it is large enough to pay.
pub(crate) fn ready_all(articles: &[NewArticle]) -> Vec<ReadyArticle<'_>> {
    let derived = derive_each(&articles.iter().collect::<Vec<_>>());
    articles
        .iter()
        .zip(derived)
        .map(|(article, form)| ReadyArticle { article, form })
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
    ready: &ReadyArticle<'_>,
    now: Timestamp,
) -> Result<InsertOutcome, LibraryError> {
    let (article, hash, dir) = (ready.article, &ready.form.hash, ready.form.dir);
    {
        // A sync account's item is its server's: it is stored even when the
        // same article came another way (a feed of Barg's own, another
        // account), or its read and starred states would have nothing to
        // sync with. Only its own guid makes it a duplicate.
        let existing: Option<i64> = tx
            .prepare_cached(
                "SELECT id FROM articles WHERE (source_id = ?1 AND guid = ?2)
                    OR ((SELECT account_id FROM sources WHERE id = ?1) IS NULL
                        AND ((?3 IS NOT NULL AND url = ?3) OR content_hash = ?4))
                 LIMIT 1",
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
        index::index_folded(tx, id, &ready.form.folded, folded_source)?;
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
    ready: &ReadyArticle<'_>,
) -> Result<(), LibraryError> {
    let (article, dir) = (ready.article, ready.form.dir);
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
        ready.form.hash,
    ])?;
    tx.prepare_cached("DELETE FROM article_search WHERE rowid = ?1")?
        .execute([id])?;
    index::index_folded(tx, id, &ready.form.folded, folded_source)
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
