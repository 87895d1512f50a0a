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

mod budget;
mod pipeline;
mod writer;

use std::sync::{Arc, Mutex};

use super::fetch::{FetchError, Fetcher};
use super::images::{ImageCache, ImageCounts};
use super::{blocking, Cancel};
use crate::{Code, Library, LibraryError, Timestamp};
use budget::SyncBudget;
pub(crate) use pipeline::parse_feed_body;
use pipeline::sync_feed;
use writer::{write_in_batches, ITEMS_PER_WRITE};

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

impl SyncOptions {
    /// The defaults, caching images in `cache` for offline reading (what
    /// the window and `barg sync` both do).
    pub fn with_images(cache: ImageCache) -> Self {
        Self {
            images: Some(cache),
            ..Self::default()
        }
    }
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

impl SyncReport {
    /// Nothing answered: every feed failed to connect (the network is down
    /// or shut down, or the proxy is), so the edges say so once instead of
    /// once per feed. The library is as it was.
    pub fn offline(&self) -> bool {
        !self.failed.is_empty()
            && self.added + self.updated + self.unchanged == 0
            && self.failed.iter().all(|failure| {
                matches!(
                    failure.code,
                    Code::Network | Code::Timeout | Code::ProxyUnreachable
                )
            })
    }
}

/// Why one feed failed: its code and message.
pub(crate) struct FeedError {
    pub(crate) code: Code,
    pub(crate) message: String,
}

impl FeedError {
    pub(crate) fn new(code: Code, message: impl Into<String>) -> Self {
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
    let budget = Arc::new(SyncBudget {
        network: tokio::sync::Semaphore::new(options.concurrency.max(1)),
        parsing: tokio::sync::Semaphore::new(budget::parsing_threads()),
        writer_core: tokio::sync::Semaphore::new(1),
        queued: tokio::sync::Semaphore::new(options.queued_items.max(1)),
        queue_room: options.queued_items.max(1),
    });
    let (queue, waiting) = tokio::sync::mpsc::unbounded_channel();
    let writer = tokio::spawn(write_in_batches(
        Arc::clone(library),
        Arc::clone(&budget),
        waiting,
        now,
    ));
    let mut tasks = tokio::task::JoinSet::new();
    // Which feed each task syncs, so a task that panics is reported as its
    // feed's failure instead of vanishing from the report and the progress.
    let mut feed_of_task = std::collections::HashMap::new();
    for feed in feeds {
        let (id, title) = (feed.id, feed.title.clone());
        let (library, fetcher, cancel, budget, queue) = (
            Arc::clone(library),
            Arc::clone(fetcher),
            cancel.clone(),
            Arc::clone(&budget),
            queue.clone(),
        );
        let task = tasks.spawn(async move {
            sync_feed(&library, &fetcher, &budget, &queue, &feed, now, &cancel).await
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
                if code == Code::DiskFull {
                    // Every later write would fail too: stop after the
                    // last whole one (the other feeds report `cancelled`).
                    cancel.cancel();
                }
                let record = {
                    let library = Arc::clone(library);
                    let message = message.clone();
                    blocking(move || library.record_feed_error(feed_id, code, &message, now))
                };
                // The failure is in the report either way; a library that
                // cannot take the note (a full disk) does not end the sync.
                if let Err(error) = record.await {
                    tracing::warn!(%error, feed_id, "could not record a feed's failure");
                }
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

struct FeedDone {
    added: usize,
    updated: usize,
    images: Vec<(i64, Vec<String>)>,
}
