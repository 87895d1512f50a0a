//! Syncing feeds. For each feed, bounded by the fetcher's per-host limit and
//! [`SyncOptions::concurrency`] overall: fetch (conditional GET: a 304 costs
//! no parsing), parse on the blocking pool (never on the async threads),
//! fetch full text for new summary-only items, then hand the items to the
//! one writer task, which stores every feed that is ready in one short
//! transaction (while one write runs, the next feeds queue up and go in
//! together: one commit and one search-index segment for many feeds). A
//! feed that fails records its error and leaves its articles as they were;
//! the others go on. Images of new and changed articles are cached
//! afterwards.
//!
//! The writer is the one step that cannot be spread over cores, so the
//! pipeline keeps it busy: a feed gives back its network slot as soon as
//! its items are queued (the next feeds download while it waits for the
//! writer); parsing uses every core but one, and that one too while the
//! writer has nothing to write (a sync that brings nothing new is all
//! parsing); and at most [`SyncOptions::queued_items`] parsed items wait
//! for the writer at once (memory stays bounded however many feeds there
//! are).

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use super::fetch::Validators;
use super::fetch::{Body, FetchError, Fetched, Fetcher};
use super::images::{image_urls, ImageCache, ImageCounts};
use super::{blocking, Cancel, Feed, FeedFetch, StoredItems};
use crate::ingest::{decode, feed as feed_format, html};
use crate::store::terms::NewTerms;
use crate::store::{content_hash, derive_version, Derived};
use crate::{Code, Library, LibraryError, NewArticle, Timestamp};

/// Items whose text is shorter than this are taken for summaries.
const SUMMARY_CHARS: usize = 600;
/// At most this many article pages are fetched per feed and sync.
const MAX_PAGES_PER_FEED: usize = 20;
/// The writer stores up to about this many items in one transaction.
const ITEMS_PER_WRITE: usize = 2_000;
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Feeds fetched at once (each host is further limited by the fetcher).
    pub concurrency: usize,
    /// Cache images of new articles.
    pub images: Option<ImageCache>,
    /// At most this many parsed items wait for the writer (a larger feed
    /// waits alone).
    pub queued_items: usize,
}

impl Default for SyncOptions {
    fn default() -> Self {
        Self {
            concurrency: 16,
            images: None,
            queued_items: 2 * ITEMS_PER_WRITE,
        }
    }
}

/// Streamed while a sync runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncProgress {
    pub feeds_done: u32,
    pub feeds_total: u32,
    pub added: u64,
    pub updated: u64,
    pub failed: u32,
    pub current_feed: String,
}

/// A feed that could not be synced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedFailure {
    pub source_id: i64,
    pub title: String,
    pub code: Code,
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub added: u64,
    pub updated: u64,
    /// Feeds that answered 304, or whose items were all known.
    pub unchanged: u64,
    pub failed: Vec<FeedFailure>,
    pub images: ImageCounts,
}

/// Why one feed failed: its code and message.
struct FeedError {
    code: Code,
    message: String,
}

impl FeedError {
    fn new(code: Code, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl From<FetchError> for FeedError {
    fn from(error: FetchError) -> Self {
        FeedError::new(error.code(), error.to_string())
    }
}

impl From<LibraryError> for FeedError {
    fn from(error: LibraryError) -> Self {
        FeedError::new(error.code(), error.to_string())
    }
}

/// Syncs every feed, or only `only`. `now` is the fetch time stored with
/// what arrives.
pub async fn sync(
    library: &Arc<Library>,
    fetcher: &Arc<Fetcher>,
    only: Option<i64>,
    options: &SyncOptions,
    now: Timestamp,
    cancel: &Cancel,
    on_progress: impl Fn(&SyncProgress) + Send + Sync + 'static,
) -> Result<SyncReport, LibraryError> {
    let feeds = {
        let library = Arc::clone(library);
        blocking(move || library.feeds(only)).await?
    };
    let progress = Arc::new(Mutex::new(SyncProgress {
        feeds_total: feeds.len() as u32,
        ..Default::default()
    }));
    let on_progress = Arc::new(on_progress);
    on_progress(&progress.lock().unwrap_or_else(|e| e.into_inner()).clone());
    let limits = Arc::new(Limits {
        network: tokio::sync::Semaphore::new(options.concurrency.max(1)),
        parsing: tokio::sync::Semaphore::new(parsing_threads()),
        writer_core: tokio::sync::Semaphore::new(1),
        queued: tokio::sync::Semaphore::new(options.queued_items.max(1)),
        queue_room: options.queued_items.max(1),
    });
    let (queue, waiting) = tokio::sync::mpsc::unbounded_channel();
    let writer = tokio::spawn(write_in_batches(
        Arc::clone(library),
        Arc::clone(&limits),
        waiting,
        now,
    ));
    let mut tasks = tokio::task::JoinSet::new();
    // Which feed each task syncs, so a task that panics is reported as its
    // feed's failure instead of vanishing from the report and the progress.
    let mut feed_of_task = std::collections::HashMap::new();
    for feed in feeds {
        let (id, title) = (feed.id, feed.title.clone());
        let (library, fetcher, cancel, limits, queue) = (
            Arc::clone(library),
            Arc::clone(fetcher),
            cancel.clone(),
            Arc::clone(&limits),
            queue.clone(),
        );
        let task = tasks.spawn(async move {
            sync_feed(&library, &fetcher, &limits, &queue, &feed, now, &cancel).await
        });
        feed_of_task.insert(task.id(), (id, title));
    }
    drop(queue);
    let mut report = SyncReport::default();
    let mut with_images: Vec<(i64, Vec<String>)> = Vec::new();
    while let Some(joined) = tasks.join_next_with_id().await {
        let (task, outcome) = match joined {
            Ok((task, outcome)) => (task, outcome),
            Err(error) => (
                error.id(),
                Err(FeedError::new(
                    Code::Internal,
                    format!("the feed's sync stopped: {error}"),
                )),
            ),
        };
        let Some((feed_id, feed_title)) = feed_of_task.remove(&task) else {
            continue;
        };
        match outcome {
            Ok(done) => {
                report.added += done.added as u64;
                report.updated += done.updated as u64;
                if done.added + done.updated == 0 {
                    report.unchanged += 1;
                }
                with_images.extend(done.images);
            }
            Err(FeedError { code, message }) => {
                let record = {
                    let library = Arc::clone(library);
                    let message = message.clone();
                    blocking(move || library.record_feed_error(feed_id, code, &message, now))
                };
                record.await?;
                report.failed.push(FeedFailure {
                    source_id: feed_id,
                    title: feed_title.clone(),
                    code,
                    message,
                });
            }
        }
        let snapshot = {
            let mut p = progress.lock().unwrap_or_else(|e| e.into_inner());
            p.feeds_done += 1;
            p.added = report.added;
            p.updated = report.updated;
            p.failed = report.failed.len() as u32;
            p.current_feed = feed_title;
            p.clone()
        };
        on_progress(&snapshot);
    }
    // Every feed task is done, so the writer has nothing left to do.
    let _ = writer.await;
    if let Some(cache) = &options.images {
        if !cancel.is_cancelled() && !with_images.is_empty() {
            report.images = cache
                .fetch_for(library, fetcher, with_images, now, cancel)
                .await?;
        }
    }
    Ok(report)
}

/// What bounds the feed tasks (see the module's documentation).
struct Limits {
    /// Feeds being downloaded or parsed.
    network: tokio::sync::Semaphore,
    /// Turns to parse (CPU work) on every core but the writer's.
    parsing: tokio::sync::Semaphore,
    /// The writer's core: held by the writer while it writes, and taken by
    /// a parse only when free at once (no parse ever queues for it, so the
    /// writer waits for one parse at most).
    writer_core: tokio::sync::Semaphore,
    /// Items parsed and not yet stored, one permit each.
    queued: tokio::sync::Semaphore,
    /// The permits of `queued`.
    queue_room: usize,
}

impl Limits {
    /// A turn to parse: the writer's core if it is free, else a turn of
    /// the others.
    async fn parse_turn(&self) -> Option<tokio::sync::SemaphorePermit<'_>> {
        match self.writer_core.try_acquire() {
            Ok(turn) => Some(turn),
            Err(_) => self.parsing.acquire().await.ok(),
        }
    }
}

/// Threads that parse at once besides the writer's core: one fewer than
/// the machine's cores, at least one.
fn parsing_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get().saturating_sub(1))
        .unwrap_or(1)
        .max(1)
}

struct FeedDone {
    added: usize,
    updated: usize,
    images: Vec<(i64, Vec<String>)>,
}

/// One feed's items, waiting for the writer; the answer goes back on `done`.
struct ToStore {
    source_id: i64,
    items: Vec<NewArticle>,
    validators: Validators,
    /// Folded text, hash and direction of each item, computed in the feed's
    /// task so that the writer only writes.
    derived: Vec<Derived>,
    /// The words of every item, collected in the same task.
    words: NewTerms,
    done: tokio::sync::oneshot::Sender<Result<(StoredItems, Vec<NewArticle>), FeedError>>,
}

/// The sync's one writer: takes what is queued (up to about
/// [`ITEMS_PER_WRITE`] items) and stores it in one transaction, until every
/// feed task has let go of the queue.
async fn write_in_batches(
    library: Arc<Library>,
    limits: Arc<Limits>,
    mut waiting: tokio::sync::mpsc::UnboundedReceiver<ToStore>,
    now: Timestamp,
) {
    while let Some(first) = waiting.recv().await {
        let mut count = first.items.len();
        let mut batch = vec![first];
        while count < ITEMS_PER_WRITE {
            match waiting.try_recv() {
                Ok(next) => {
                    count += next.items.len();
                    batch.push(next);
                }
                Err(_) => break,
            }
        }
        let library = Arc::clone(&library);
        let _core = limits.writer_core.acquire().await;
        let written = tokio::task::spawn_blocking(move || {
            let mut batch = batch;
            let fetches: Vec<FeedFetch<'_>> = batch
                .iter_mut()
                .map(|b| FeedFetch {
                    source_id: b.source_id,
                    items: &b.items,
                    validators: &b.validators,
                    derived: std::mem::take(&mut b.derived),
                    words: std::mem::take(&mut b.words),
                })
                .collect();
            let result = library.store_fetches(fetches, now);
            (batch, result)
        })
        .await;
        let Ok((batch, result)) = written else {
            continue; // The senders are dropped with the batch: their feeds fail.
        };
        match result {
            Ok(stored) => {
                for (waiter, stored) in batch.into_iter().zip(stored) {
                    let _ = waiter.done.send(Ok((stored, waiter.items)));
                }
            }
            Err(error) => {
                let message = error.to_string();
                for waiter in batch {
                    let _ = waiter
                        .done
                        .send(Err(FeedError::new(error.code(), message.clone())));
                }
            }
        }
    }
}

async fn sync_feed(
    library: &Arc<Library>,
    fetcher: &Arc<Fetcher>,
    limits: &Limits,
    queue: &tokio::sync::mpsc::UnboundedSender<ToStore>,
    feed: &Feed,
    now: Timestamp,
    cancel: &Cancel,
) -> Result<FeedDone, FeedError> {
    let slot = limits.network.acquire().await;
    let body = match fetcher
        .get(&feed.url, Some(&feed.validators), cancel)
        .await?
    {
        Fetched::NotModified => {
            let library = Arc::clone(library);
            let id = feed.id;
            blocking(move || library.record_feed_unchanged(id, now)).await?;
            return Ok(FeedDone {
                added: 0,
                updated: 0,
                images: Vec::new(),
            });
        }
        Fetched::Body(body) => body,
    };
    let validators = body.validators.clone();
    let max = fetcher.limits().max_body as u64;
    // One parsing turn covers parsing and deriving, so that a feed's items
    // reach the writer as soon as they can (the writer idles until the
    // first feed arrives). It is given up to download article pages and to
    // wait for room in the queue (which the writer makes, perhaps on the
    // core this turn holds).
    let mut turn = limits.parse_turn().await;
    let parsed = tokio::task::spawn_blocking(move || parse_feed_body(body, max))
        .await
        .map_err(|e| FeedError::new(Code::Internal, e.to_string()))??;
    let mut fresh = fresh_items(library, feed.id, parsed.items).await?;
    if feed.fetch_full_text && !summaries(&fresh.items).is_empty() {
        drop(turn);
        let still_summaries = fetch_full_text(fetcher, &mut fresh.items, cancel).await;
        keep_page_texts(library, feed.id, &mut fresh, &still_summaries).await?;
        turn = limits.parse_turn().await;
    }
    drop(slot);
    let Fresh {
        items, versions, ..
    } = fresh;
    if cancel.is_cancelled() {
        return Err(FetchError::Cancelled.into());
    }
    let room = items.len().clamp(1, limits.queue_room) as u32;
    let _queued = match limits.queued.try_acquire_many(room) {
        Ok(queued) => Some(queued),
        Err(_) => {
            drop(turn);
            let queued = limits.queued.acquire_many(room).await.ok();
            turn = limits.parse_turn().await;
            queued
        }
    };
    let library_for_words = Arc::clone(library);
    let (items, derived, words) = tokio::task::spawn_blocking(move || {
        let derived: Vec<Derived> = items
            .iter()
            .zip(versions)
            .map(|(item, version)| derive_version(item, version))
            .collect();
        let mut words = NewTerms::of_all(derived.iter().map(|d| &d.folded));
        words.forget_known(&library_for_words);
        (items, derived, words)
    })
    .await
    .map_err(|e| FeedError::new(Code::Internal, e.to_string()))?;
    drop(turn);
    let (done, answer) = tokio::sync::oneshot::channel();
    queue
        .send(ToStore {
            source_id: feed.id,
            items,
            validators,
            derived,
            words,
            done,
        })
        .map_err(|_| FeedError::new(Code::Internal, "the sync's writer stopped"))?;
    let (stored, items) = answer
        .await
        .map_err(|_| FeedError::new(Code::Internal, "the sync's writer stopped"))??;
    // Images of what is new or changed.
    let images = stored
        .fresh
        .iter()
        .map(|&(n, id)| (id, image_urls(&items[n].body_html)))
        .filter(|(_, urls)| !urls.is_empty())
        .collect();
    Ok(FeedDone {
        added: stored.added.len(),
        updated: stored.updated.len(),
        images,
    })
}

/// Bytes of a feed to items: gzip (bounded), the encoding (BOM, the
/// server's charset, the declaration, then a guess), then feed-rs.
fn parse_feed_body(body: Body, max: u64) -> Result<feed_format::ParsedFeed, FeedError> {
    if !super::discover::looks_like_feed(body.content_type.as_deref(), &body.bytes) {
        return Err(FeedError::new(
            Code::NotAFeed,
            format!("{} is a web page, not a feed", body.url),
        ));
    }
    let charset = body.charset().map(str::to_owned);
    let bytes = decode::gunzip_with_limit(body.bytes, max).map_err(|e| match e {
        crate::ingest::IngestError::TooLarge => FeedError::new(Code::TooLarge, e.to_string()),
        other => FeedError::new(Code::NotAFeed, other.to_string()),
    })?;
    let text = decode::decode_with_charset(&bytes, charset.as_deref()).text;
    feed_format::parse(&text, Some(body.url.as_str()))
        .map_err(|e| FeedError::new(Code::NotAFeed, e.to_string()))
}

/// The items that carry only a summary (and a link to the whole article).
fn summaries(items: &[NewArticle]) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.body_text.chars().count() < SUMMARY_CHARS && i.url.is_some())
        .map(|(n, _)| n)
        .collect()
}

/// A feed's items that are new or changed, with their versions.
struct Fresh {
    items: Vec<NewArticle>,
    /// The content hash of each item's own text, before its page's text
    /// replaces a summary: what the library stores to recognise the item
    /// next time (the page's text would never match the summary again).
    versions: Vec<String>,
    /// Guids of the items the library has in another version.
    changed: HashSet<String>,
}

impl Fresh {
    /// Drops the items whose guid is in `guids`.
    fn drop_items(&mut self, guids: &HashSet<String>) {
        let keep: Vec<bool> = self
            .items
            .iter()
            .map(|i| !guids.contains(&i.guid))
            .collect();
        let mut kept = keep.iter();
        self.items.retain(|_| *kept.next().unwrap_or(&true));
        let mut kept = keep.iter();
        self.versions.retain(|_| *kept.next().unwrap_or(&true));
    }
}

/// A changed item whose page could not be had this time (one of
/// `still_summaries`) keeps what the library has if that is its page's
/// text, rather than be cut back to its summary: it is dropped from `fresh`.
async fn keep_page_texts(
    library: &Arc<Library>,
    source_id: i64,
    fresh: &mut Fresh,
    still_summaries: &HashSet<usize>,
) -> Result<(), FeedError> {
    let guids: Vec<String> = still_summaries
        .iter()
        .map(|&n| fresh.items[n].guid.clone())
        .filter(|guid| fresh.changed.contains(guid))
        .collect();
    if guids.is_empty() {
        return Ok(());
    }
    let library = Arc::clone(library);
    let with_page = blocking(move || {
        let refs: Vec<&str> = guids.iter().map(String::as_str).collect();
        library.stored_with_page_text(source_id, &refs)
    })
    .await?;
    fresh.drop_items(&with_page);
    Ok(())
}

/// Drops the items the library has already in the same version: they
/// need neither their page, nor folding, nor the writer (most of a sync
/// that brings little new).
async fn fresh_items(
    library: &Arc<Library>,
    source_id: i64,
    items: Vec<NewArticle>,
) -> Result<Fresh, FeedError> {
    let stored = {
        let library = Arc::clone(library);
        let guids: Vec<String> = items.iter().map(|i| i.guid.clone()).collect();
        blocking(move || {
            let refs: Vec<&str> = guids.iter().map(String::as_str).collect();
            library.stored_versions(source_id, &refs)
        })
        .await?
    };
    let mut fresh = Fresh {
        items: Vec::with_capacity(items.len()),
        versions: Vec::with_capacity(items.len()),
        changed: HashSet::new(),
    };
    for item in items {
        let version = content_hash(&item.title, &item.body_text);
        match stored.get(&item.guid) {
            Some(stored) if *stored == version => continue,
            Some(_) => {
                fresh.changed.insert(item.guid.clone());
            }
            None => {}
        }
        fresh.items.push(item);
        fresh.versions.push(version);
    }
    Ok(fresh)
}

/// For the items that carry only a summary, fetches the article page and
/// keeps its main text. Returns the items that are still summaries (their
/// page failed, or more than [`MAX_PAGES_PER_FEED`] wanted one).
async fn fetch_full_text(
    fetcher: &Arc<Fetcher>,
    items: &mut [NewArticle],
    cancel: &Cancel,
) -> HashSet<usize> {
    let short = summaries(items);
    let mut still: HashSet<usize> = short.iter().copied().collect();
    let mut tasks = tokio::task::JoinSet::new();
    for &n in short.iter().take(MAX_PAGES_PER_FEED) {
        let (fetcher, cancel) = (Arc::clone(fetcher), cancel.clone());
        let url = items[n].url.clone().unwrap_or_default();
        tasks.spawn(async move {
            let page = match fetcher.get(&url, None, &cancel).await {
                Ok(Fetched::Body(body)) => tokio::task::spawn_blocking(move || {
                    let charset = body.charset().map(str::to_owned);
                    let text = decode::decode_with_charset(&body.bytes, charset.as_deref()).text;
                    html::extract(&text, Some(body.url.as_str())).ok()
                })
                .await
                .ok()
                .flatten(),
                _ => None,
            };
            (n, page)
        });
    }
    while let Some(joined) = tasks.join_next().await {
        if let Ok((n, Some(page))) = joined {
            if page.body_text.chars().count() > items[n].body_text.chars().count() {
                items[n].body_html = page.body_html;
                items[n].body_text = page.body_text;
                still.remove(&n);
            }
        }
    }
    still
}

/// Why subscribing or saving a page failed.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error("no feed at {0}")]
    NotAFeed(String),
    #[error("no article on the page: {0}")]
    NoArticle(String),
    #[error(transparent)]
    Library(#[from] LibraryError),
}

impl AddError {
    /// The stable code the UI picks its localized message by.
    pub fn code(&self) -> Code {
        match self {
            AddError::Fetch(e) => e.code(),
            AddError::NotAFeed(_) => Code::NotAFeed,
            AddError::NoArticle(_) => Code::InvalidInput,
            AddError::Library(e) => e.code(),
        }
    }
}

/// Subscribes to the feed at `url`, or to the first feed the page at `url`
/// announces (autodiscovery). The feed is fetched once to check it and to
/// take its title; its items arrive with the next sync.
pub async fn subscribe(
    library: &Arc<Library>,
    fetcher: &Arc<Fetcher>,
    url: &str,
    folder: Option<&str>,
    now: Timestamp,
) -> Result<i64, AddError> {
    let url = super::normalize_url(url)?;
    let cancel = Cancel::default();
    let mut body = match fetcher.get(&url, None, &cancel).await? {
        Fetched::Body(body) => body,
        Fetched::NotModified => return Err(AddError::NotAFeed(url)),
    };
    if !super::discover::looks_like_feed(body.content_type.as_deref(), &body.bytes) {
        let page = decode::decode_with_charset(&body.bytes, body.charset()).text;
        let Some(feed_url) = super::discover::feed_links(&page, &body.url)
            .into_iter()
            .next()
        else {
            return Err(AddError::NotAFeed(url));
        };
        body = match fetcher.get(&feed_url, None, &cancel).await? {
            Fetched::Body(body) => body,
            Fetched::NotModified => return Err(AddError::NotAFeed(feed_url)),
        };
    }
    let feed_url = body.url.to_string();
    let max = fetcher.limits().max_body as u64;
    let parsed = tokio::task::spawn_blocking(move || parse_feed_body(body, max))
        .await
        .map_err(|e| AddError::NotAFeed(e.to_string()))?
        .map_err(|e| AddError::NotAFeed(e.message))?;
    let title = parsed.title.unwrap_or_else(|| {
        url::Url::parse(&feed_url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| feed_url.clone())
    });
    let site = parsed.site_url;
    let library = Arc::clone(library);
    let folder = folder.map(str::to_owned);
    Ok(blocking(move || {
        library.add_feed(&feed_url, &title, site.as_deref(), folder.as_deref(), now)
    })
    .await?)
}

/// Saves the article at `url` for offline reading, like a feed item: the
/// page is fetched, its main text extracted and stored (with its images,
/// when a cache is given). Returns the article id.
pub async fn save_page(
    library: &Arc<Library>,
    fetcher: &Arc<Fetcher>,
    url: &str,
    images: Option<&ImageCache>,
    now: Timestamp,
) -> Result<i64, AddError> {
    let url = super::normalize_url(url)?;
    let cancel = Cancel::default();
    let body = match fetcher.get(&url, None, &cancel).await? {
        Fetched::Body(body) => body,
        Fetched::NotModified => return Err(AddError::NoArticle(url)),
    };
    let page_url = body.url.to_string();
    let page = tokio::task::spawn_blocking(move || {
        let text = decode::decode_with_charset(&body.bytes, body.charset()).text;
        html::extract(&text, Some(body.url.as_str()))
    })
    .await
    .map_err(|e| AddError::NoArticle(e.to_string()))?
    .map_err(|e| AddError::NoArticle(e.to_string()))?;
    let article = NewArticle {
        guid: page_url.clone(),
        url: Some(page_url),
        title: page.title,
        author: page.author,
        published_at: page.published_at,
        language: page.language,
        body_html: page.body_html,
        body_text: page.body_text,
    };
    let urls = image_urls(&article.body_html);
    let id = {
        let library = Arc::clone(library);
        blocking(move || {
            let source = library.ensure_source(
                crate::SourceKind::Web,
                "صفحه‌های ذخیره‌شده · Saved pages",
                "web:saved",
                now,
            )?;
            Ok(match library.add_article(source, &article, now)? {
                crate::InsertOutcome::Added(id) | crate::InsertOutcome::Duplicate(id) => id,
            })
        })
        .await?
    };
    if let Some(cache) = images {
        if !urls.is_empty() {
            cache
                .fetch_for(library, fetcher, vec![(id, urls)], now, &cancel)
                .await?;
        }
    }
    Ok(id)
}
