//! Feeds: subscriptions, syncing them over HTTP, and keeping what they bring
//! complete offline (full text and images).
//!
//! - [`fetch`]: the HTTP client and its limits.
//! - [`discover`]: finding a feed from any page address.
//! - [`sync`]: fetching every feed (bounded concurrency), parsing off the
//!   async threads, one short write transaction per feed.
//! - [`images`]: the offline image cache.
//! - [`opml`]: subscription lists in and out.
//!
//! Subscriptions are `sources` rows of kind `feed` whose `locator` is the
//! feed URL.

pub mod defaults;
pub mod discover;
pub mod fetch;
mod filtering;
pub mod images;
pub mod opml;
pub mod pages;
mod sources;
pub mod subscribe;
pub mod sync;
pub mod web_page;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use rusqlite::{params, OptionalExtension};

pub use images::ImagePolicy;

use crate::network;
#[cfg(doc)]
use crate::store::derive;
use crate::store::terms::NewTerms;
use crate::store::{folded_source_title, insert_article, IndexedForm, ReadyArticle};
use crate::{Code, Library, LibraryError, NewArticle, Timestamp};

/// Runs library work on the blocking pool, off the async threads.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, LibraryError> + Send + 'static,
) -> Result<T, LibraryError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| LibraryError::Internal(e.to_string()))?
}

/// A flag that stops a sync between steps; clones share it.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
    /// Ready for the next run.
    pub fn reset(&self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

/// Tries `url` each way: directly, and through the proxy when one is set.
/// Returns each way's body size or failure, and the route the settings
/// take for its host (the "test" of Settings, Network and of `barg net
/// check`).
pub async fn try_each_way(
    fetcher: &fetch::Fetcher,
    url: &str,
) -> Result<
    (
        network::Route,
        Vec<(network::Way, Result<usize, fetch::FetchError>)>,
    ),
    fetch::FetchError,
> {
    use network::{Proxy, Route, Way};
    let parsed = url::Url::parse(url).map_err(|e| fetch::FetchError::InvalidUrl(e.to_string()))?;
    let host = parsed.host_str().unwrap_or_default().to_ascii_lowercase();
    let mut ways = vec![(Way::Direct, Route::Direct)];
    if fetcher.network().proxy != Proxy::None {
        ways.push((Way::Proxy, Route::Proxy));
    }
    let mut tried = Vec::new();
    for (way, by) in ways {
        let outcome = fetcher
            .get_by(url, None, Some(by), &Cancel::default())
            .await;
        let size = outcome.map(|fetched| match fetched {
            fetch::Fetched::Body(body) => body.bytes.len(),
            fetch::Fetched::NotModified => 0,
        });
        tried.push((way, size));
    }
    Ok((fetcher.network().route_for_host(&host), tried))
}

/// A subscription as sync sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    pub id: i64,
    pub url: String,
    pub title: String,
    pub folder: Option<String>,
    pub validators: fetch::Validators,
    pub fetch_full_text: bool,
    /// Its own route; `None`: the network settings' default.
    pub route: Option<network::Route>,
    /// Subscribed while unreachable: `url` may be a page that announces the
    /// feed, and the title is a stand-in until the first fetch.
    pub pending: bool,
    pub images: ImagePolicy,
}

/// What storing one fetch of a feed did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredItems {
    pub added: Vec<i64>,
    pub updated: Vec<i64>,
    pub unchanged: u64,
    /// Added and updated items: (index in the given items, article id).
    pub fresh: Vec<(usize, i64)>,
}

/// The same address, whatever the user pasted around it.
pub fn normalize_url(url: &str) -> Result<String, fetch::FetchError> {
    let url = url.trim();
    let with_scheme = if url.contains("://") {
        url.to_owned()
    } else {
        format!("https://{url}")
    };
    let parsed = url::Url::parse(&with_scheme)
        .map_err(|e| fetch::FetchError::InvalidUrl(format!("{url}: {e}")))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(fetch::FetchError::InvalidUrl(url.to_owned()));
    }
    Ok(parsed.to_string())
}

impl Library {
    /// Subscribes to a feed. An address already subscribed gives
    /// [`LibraryError::AlreadySubscribed`].
    pub fn add_feed(
        &self,
        url: &str,
        title: &str,
        site_url: Option<&str>,
        folder: Option<&str>,
        now: Timestamp,
    ) -> Result<i64, LibraryError> {
        self.write(|tx| {
            let existing: Option<(i64, String)> = tx
                .query_row(
                    "SELECT id, kind FROM sources WHERE locator = ?1",
                    [url],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            match existing {
                Some((id, kind)) if kind == "feed" => Err(LibraryError::AlreadySubscribed(id)),
                Some((id, _)) => {
                    tx.execute(
                        "UPDATE sources SET kind = 'feed', title = ?2, site_url = ?3, folder = ?4 WHERE id = ?1",
                        params![id, title, site_url, folder],
                    )?;
                    Ok(id)
                }
                None => {
                    tx.execute(
                        "INSERT INTO sources (kind, title, locator, site_url, folder, created_at)
                         VALUES ('feed', ?1, ?2, ?3, ?4, ?5)",
                        params![title, url, site_url, folder, now],
                    )?;
                    Ok(tx.last_insert_rowid())
                }
            }
        })
    }

    /// A subscription kept while its address cannot be reached: the address
    /// as typed, its host for a title, until the first fetch completes it
    /// ([`Library::complete_pending_feed`]).
    pub fn add_pending_feed(
        &self,
        url: &str,
        folder: Option<&str>,
        now: Timestamp,
    ) -> Result<i64, LibraryError> {
        let title = url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| url.to_owned());
        let id = self.add_feed(url, &title, None, folder, now)?;
        self.update_source(id, "pending = ?2", true)?;
        Ok(id)
    }

    /// The first fetch of a pending subscription: its feed's address (when
    /// the address was a page announcing it), title and site.
    pub(crate) fn complete_pending_feed(
        &self,
        id: i64,
        url: &str,
        title: Option<&str>,
        site_url: Option<&str>,
    ) -> Result<(), LibraryError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE sources SET locator = ?2, title = coalesce(?3, title),
                        site_url = coalesce(?4, site_url), pending = 0
                 WHERE id = ?1 AND pending = 1",
                params![id, url, title, site_url],
            )?;
            Ok(())
        })
    }

    /// Every subscription (or the one with `only`'s id), by title.
    pub fn feeds(&self, only: Option<i64>) -> Result<Vec<Feed>, LibraryError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, locator, title, folder, etag, last_modified, fetch_full_text, route, pending,
                        images
                 FROM sources WHERE kind = 'feed' AND account_id IS NULL AND (?1 IS NULL OR id = ?1)
                 ORDER BY title",
            )?;
            let rows = stmt.query_map([only], |r| {
                Ok(Feed {
                    id: r.get(0)?,
                    url: r.get(1)?,
                    title: r.get(2)?,
                    folder: r.get(3)?,
                    validators: fetch::Validators {
                        etag: r.get(4)?,
                        last_modified: r.get(5)?,
                    },
                    fetch_full_text: r.get(6)?,
                    route: r.get::<_, Option<String>>(7)?.and_then(|s| s.parse().ok()),
                    pending: r.get(8)?,
                    images: r.get::<_, String>(9)?.parse().unwrap_or_default(),
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// The stored version (content hash of the feed's own text) of each of
    /// `guids` the source has.
    pub(crate) fn stored_versions(
        &self,
        source_id: i64,
        guids: &[&str],
    ) -> Result<std::collections::HashMap<String, String>, LibraryError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT content_hash FROM articles WHERE source_id = ?1 AND guid = ?2",
            )?;
            let mut stored = std::collections::HashMap::new();
            for guid in guids {
                if let Some(hash) = stmt
                    .query_row(params![source_id, guid], |r| r.get::<_, String>(0))
                    .optional()?
                {
                    stored.insert((*guid).to_owned(), hash);
                }
            }
            Ok(stored)
        })
    }

    /// Those of `guids` whose stored text is not the feed's own (their
    /// page's text replaced a summary: the stored version, the hash of the
    /// feed's text, differs from the hash of the text stored).
    pub(crate) fn stored_with_page_text(
        &self,
        source_id: i64,
        guids: &[&str],
    ) -> Result<std::collections::HashSet<String>, LibraryError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT title, body_text, content_hash FROM articles WHERE source_id = ?1 AND guid = ?2",
            )?;
            let mut with_page = std::collections::HashSet::new();
            for guid in guids {
                let differs = stmt
                    .query_row(params![source_id, guid], |r| {
                        let (title, body, hash): (String, String, String) =
                            (r.get(0)?, r.get(1)?, r.get(2)?);
                        Ok(crate::store::content_hash(&title, &body) != hash)
                    })
                    .optional()?;
                if differs == Some(true) {
                    with_page.insert((*guid).to_owned());
                }
            }
            Ok(with_page)
        })
    }

    /// Stores several feeds' fetches in one write transaction (what a sync
    /// does with the feeds that finished while the previous write ran): one
    /// commit, and one new search-index segment, instead of one per feed.
    /// For each feed, new items are added, items whose text changed are
    /// updated (read state and bookmark kept), and the feed's validators and
    /// success are recorded with them; all feeds or none.
    pub(crate) fn store_fetches(
        &self,
        fetches: Vec<FeedFetch<'_>>,
        now: Timestamp,
    ) -> Result<Vec<StoredItems>, LibraryError> {
        type Ready<'a> = (
            i64,
            &'a fetch::Validators,
            network::Way,
            Vec<ReadyArticle<'a>>,
            NewTerms,
            Vec<bool>,
        );
        let mut ready: Vec<Ready<'_>> = fetches
            .into_iter()
            .map(|f| {
                debug_assert_eq!(f.items.len(), f.derived.len(), "one derivation per item");
                let items = f
                    .items
                    .iter()
                    .zip(f.derived)
                    .map(|(article, form)| ReadyArticle { article, form });
                (
                    f.source_id,
                    f.validators,
                    f.via,
                    items.collect(),
                    f.words,
                    f.summaries,
                )
            })
            .collect();
        self.write_indexing(|tx, terms| {
            ready
                .iter_mut()
                .map(|(source_id, validators, via, items, words, summaries)| {
                    let words = std::mem::take(words);
                    let fetched = Fetched {
                        validators,
                        via: *via,
                        now,
                    };
                    let stored = store_fetch(tx, *source_id, items, fetched, words, terms)?;
                    mark_summaries(tx, &stored, summaries)?;
                    Ok(stored)
                })
                .collect()
        })
    }

    /// Records a fetch that changed nothing (304) as a success.
    pub fn record_feed_unchanged(
        &self,
        source_id: i64,
        now: Timestamp,
    ) -> Result<(), LibraryError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE sources SET last_fetched_at = ?2, last_success_at = ?2,
                        last_error_code = NULL, last_error_message = NULL
                 WHERE id = ?1",
                params![source_id, now],
            )?;
            Ok(())
        })
    }

    /// Records a failed fetch; the feed's articles are untouched.
    pub fn record_feed_error(
        &self,
        source_id: i64,
        code: Code,
        message: &str,
        now: Timestamp,
    ) -> Result<(), LibraryError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE sources SET last_fetched_at = ?2, last_error_code = ?3, last_error_message = ?4
                 WHERE id = ?1",
                params![source_id, now, code.as_str(), message],
            )?;
            Ok(())
        })
    }
}

/// One fetch of a feed, to be stored: see [`Library::store_fetches`].
pub(crate) struct FeedFetch<'a> {
    pub source_id: i64,
    pub items: &'a [NewArticle],
    pub validators: &'a fetch::Validators,
    /// The way the feed came (direct or through the proxy).
    pub via: network::Way,
    /// What [`derive`] gives for each item (a sync derives in each feed's
    /// own task, so the writer only writes).
    pub derived: Vec<IndexedForm>,
    /// The words of every item, collected in the same task: the writer
    /// takes them whole when every item is stored (a feed seen for the first
    /// time), and otherwise only the words of the items it stored.
    pub words: NewTerms,
    /// Whether each item is only its feed's summary (its page not had);
    /// empty: none is.
    pub summaries: Vec<bool>,
}

/// Records which of the items just stored are only their feed's summary.
fn mark_summaries(
    tx: &rusqlite::Transaction<'_>,
    stored: &StoredItems,
    summaries: &[bool],
) -> Result<(), LibraryError> {
    let mut stmt = tx.prepare_cached("UPDATE articles SET summary_only = ?2 WHERE id = ?1")?;
    let updated: std::collections::HashSet<i64> = stored.updated.iter().copied().collect();
    for &(n, id) in &stored.fresh {
        let summary = summaries.get(n).copied().unwrap_or(false);
        // A new article starts whole (the column's default).
        if summary || updated.contains(&id) {
            stmt.execute(params![id, summary])?;
        }
    }
    Ok(())
}

/// How and when a feed was fetched, recorded with its items.
struct Fetched<'a> {
    validators: &'a fetch::Validators,
    via: network::Way,
    now: Timestamp,
}

fn store_fetch(
    tx: &rusqlite::Transaction<'_>,
    source_id: i64,
    ready: &[ReadyArticle<'_>],
    fetched: Fetched<'_>,
    words: NewTerms,
    terms: &mut NewTerms,
) -> Result<StoredItems, LibraryError> {
    let source = folded_source_title(tx, source_id)?;
    let mut stored = StoredItems::default();
    for (n, item) in ready.iter().enumerate() {
        let existing: Option<(i64, String)> = tx
            .prepare_cached(
                "SELECT id, content_hash FROM articles WHERE source_id = ?1 AND guid = ?2",
            )?
            .query_row(params![source_id, item.article.guid], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        match existing {
            Some((id, hash)) => {
                if hash == item.form.hash {
                    stored.unchanged += 1;
                } else {
                    crate::store::update_article(tx, id, &source, item)?;
                    stored.updated.push(id);
                    stored.fresh.push((n, id));
                }
            }
            None => match insert_article(tx, source_id, &source, item, fetched.now)? {
                crate::InsertOutcome::Added(id) => {
                    stored.added.push(id);
                    stored.fresh.push((n, id));
                }
                crate::InsertOutcome::Duplicate(_) => stored.unchanged += 1,
            },
        }
    }
    if stored.fresh.len() == ready.len() {
        terms.merge(words);
    } else {
        for &(n, _) in &stored.fresh {
            terms.add_folded(&ready[n].form.folded);
        }
    }
    if !stored.fresh.is_empty() {
        terms.add(&source);
    }
    tx.execute(
        "UPDATE sources SET etag = ?2, last_modified = ?3, last_fetched_at = ?4,
                last_success_at = ?4, last_error_code = NULL, last_error_message = NULL,
                route_worked = ?5
         WHERE id = ?1",
        params![
            source_id,
            fetched.validators.etag,
            fetched.validators.last_modified,
            fetched.now,
            <&str>::from(fetched.via)
        ],
    )?;
    Ok(stored)
}
