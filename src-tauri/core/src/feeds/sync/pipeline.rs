//! One feed's way through a sync: fetch, parse, drop the items the library
//! has in the same version, fetch full text for summaries, fold and hash,
//! then queue for the writer.

use std::collections::HashSet;
use std::sync::Arc;

use super::budget::SyncBudget;
use super::writer::ToStore;
use super::{FeedDone, FeedError};
use crate::feeds::discover;
use crate::feeds::fetch::{Body, FetchError, Fetched, Fetcher};
use crate::feeds::images::{image_urls, ImagePolicy};
use crate::feeds::pages::{self, MAX_PAGES_PER_FEED};
use crate::feeds::{blocking, Cancel, Feed};
use crate::ingest::{decode, feed as feed_format};
use crate::network::Route;
use crate::store::terms::NewTerms;
use crate::store::{content_hash, derive_version, IndexedForm};
use crate::{Code, Library, NewArticle, Timestamp};

/// Syncs one feed: fetch, parse, drop what the library has, full text,
/// derive, then wait for the writer to store it.
pub(super) async fn sync_feed(
    library: &Arc<Library>,
    fetcher: &Arc<Fetcher>,
    budget: &SyncBudget,
    queue: &tokio::sync::mpsc::UnboundedSender<ToStore>,
    feed: &Feed,
    now: Timestamp,
    cancel: &Cancel,
) -> Result<FeedDone, FeedError> {
    let network_permit = budget.network.acquire().await;
    let settings = fetcher.network();
    let route = settings.feed_route(feed.route, feed.folder.as_deref());
    // Low bandwidth: text only fetches no pages and no images.
    let (fetch_pages, image_policy) = match settings.text_only {
        true => (false, ImagePolicy::None),
        false => (feed.fetch_full_text, feed.images),
    };
    let body = match fetcher
        .get_by(&feed.url, Some(&feed.validators), route, cancel)
        .await?
    {
        Fetched::NotModified => {
            let library_for_write = Arc::clone(library);
            let id = feed.id;
            blocking(move || library_for_write.record_feed_unchanged(id, now)).await?;
            let filled = match fetch_pages {
                true => {
                    pages::fill_stored_summaries(
                        library,
                        fetcher,
                        id,
                        route,
                        MAX_PAGES_PER_FEED,
                        cancel,
                    )
                    .await?
                }
                false => Vec::new(),
            };
            return Ok(FeedDone {
                added: 0,
                updated: 0,
                images: pick_images(filled, image_policy),
            });
        }
        Fetched::Body(body) => body,
    };
    let body = if feed.pending {
        pending_feed_body(fetcher, route, body, cancel).await?
    } else {
        body
    };
    let feed_url = body.url.to_string();
    let validators = body.validators.clone();
    let via = body.via;
    let max = fetcher.limits().max_body as u64;
    // One parsing turn covers parsing and deriving, so that a feed's items
    // reach the writer as soon as they can (the writer idles until the
    // first feed arrives). It is given up to download article pages and to
    // wait for room in the queue (which the writer makes, perhaps on the
    // core this turn holds).
    let mut parse_permit = budget.parse_turn().await;
    let parsed = tokio::task::spawn_blocking(move || parse_feed_body(body, max))
        .await
        .map_err(|e| FeedError::new(Code::Internal, e.to_string()))??;
    if feed.pending {
        let library = Arc::clone(library);
        let (id, title, site) = (feed.id, parsed.title.clone(), parsed.site_url.clone());
        blocking(move || {
            library.complete_pending_feed(id, &feed_url, title.as_deref(), site.as_deref())
        })
        .await?;
    }
    let mut fresh = fresh_items(library, feed.id, parsed.items).await?;
    let short = summaries(&fresh.items);
    let mut filled = Vec::new();
    if fetch_pages {
        drop(parse_permit);
        let (still_summaries, tried) = match short.is_empty() {
            true => (HashSet::new(), 0),
            false => fetch_full_text(fetcher, route, &mut fresh.items, cancel).await,
        };
        fresh.mark_summaries(&still_summaries);
        keep_page_texts(library, feed.id, &mut fresh, &still_summaries).await?;
        // What this sync's page budget leaves goes to earlier summaries.
        let left = MAX_PAGES_PER_FEED.saturating_sub(tried);
        filled =
            pages::fill_stored_summaries(library, fetcher, feed.id, route, left, cancel).await?;
        parse_permit = budget.parse_turn().await;
    } else {
        fresh.mark_summaries(&short.into_iter().collect());
    }
    drop(network_permit);
    let NewOrChanged {
        items,
        versions,
        summary,
        ..
    } = fresh;
    if cancel.is_cancelled() {
        return Err(FetchError::Cancelled.into());
    }
    let queue_room = items.len().clamp(1, budget.queue_room) as u32;
    let _queued = match budget.queued.try_acquire_many(queue_room) {
        Ok(queued) => Some(queued),
        Err(_) => {
            drop(parse_permit);
            let queued = budget.queued.acquire_many(queue_room).await.ok();
            parse_permit = budget.parse_turn().await;
            queued
        }
    };
    let library_for_words = Arc::clone(library);
    let (items, derived, words) = tokio::task::spawn_blocking(move || {
        let derived: Vec<IndexedForm> = items
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
    drop(parse_permit);
    let (done, answer) = tokio::sync::oneshot::channel();
    queue
        .send(ToStore {
            source_id: feed.id,
            items,
            validators,
            via,
            derived,
            words,
            summaries: summary,
            done,
        })
        .map_err(|_| FeedError::new(Code::Internal, "the sync's writer stopped"))?;
    let (stored, items) = answer
        .await
        .map_err(|_| FeedError::new(Code::Internal, "the sync's writer stopped"))??;
    // Images of what is new or changed, and of the summaries filled.
    let mut images: Vec<(i64, Vec<String>)> = stored
        .fresh
        .iter()
        .map(|&(n, id)| (id, image_urls(&items[n].body_html)))
        .collect();
    images.extend(filled);
    Ok(FeedDone {
        added: stored.added.len(),
        updated: stored.updated.len(),
        images: pick_images(images, image_policy),
    })
}

/// The images a feed's image policy downloads, of articles that have any.
fn pick_images(images: Vec<(i64, Vec<String>)>, policy: ImagePolicy) -> Vec<(i64, Vec<String>)> {
    images
        .into_iter()
        .map(|(id, urls)| (id, policy.pick(urls)))
        .filter(|(_, urls)| !urls.is_empty())
        .collect()
}

/// A pending subscription's address may be a page that announces its feed
/// (typed while offline, so not looked into then): the feed it names.
async fn pending_feed_body(
    fetcher: &Arc<Fetcher>,
    route: Option<Route>,
    body: Body,
    cancel: &Cancel,
) -> Result<Body, FeedError> {
    if discover::looks_like_feed(body.content_type.as_deref(), &body.bytes) {
        return Ok(body);
    }
    let page = decode::decode_with_charset(&body.bytes, body.charset()).text;
    let Some(feed_url) = discover::feed_links(&page, &body.url).into_iter().next() else {
        return Ok(body);
    };
    match fetcher.get_by(&feed_url, None, route, cancel).await? {
        Fetched::Body(found) => Ok(found),
        Fetched::NotModified => Ok(body),
    }
}

/// Bytes of a feed to items: gzip (bounded), the encoding (BOM, the
/// server's charset, the declaration, then a guess), then feed-rs.
pub(crate) fn parse_feed_body(body: Body, max: u64) -> Result<feed_format::ParsedFeed, FeedError> {
    if !discover::looks_like_feed(body.content_type.as_deref(), &body.bytes) {
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
    feed_format::parse(&text, Some(body.url.as_str())).map_err(|e| {
        let code = match e {
            crate::ingest::IngestError::Unreadable(_) => Code::Parse,
            _ => Code::NotAFeed,
        };
        FeedError::new(code, e.to_string())
    })
}

/// The items that carry only a summary (and a link to the whole article).
fn summaries(items: &[NewArticle]) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, i)| pages::is_summary(i))
        .map(|(n, _)| n)
        .collect()
}

/// A feed's items that are new or changed, with their versions.
struct NewOrChanged {
    items: Vec<NewArticle>,
    /// The content hash of each item's own text, before its page's text
    /// replaces a summary: what the library stores to recognise the item
    /// next time (the page's text would never match the summary again).
    versions: Vec<String>,
    /// Guids of the items the library has in another version.
    changed: HashSet<String>,
    /// Whether each item is still only its summary (its page not had).
    summary: Vec<bool>,
}

impl NewOrChanged {
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
        let mut kept = keep.iter();
        self.summary.retain(|_| *kept.next().unwrap_or(&true));
    }

    /// Marks the items at `still` as summaries, the rest as whole.
    fn mark_summaries(&mut self, still: &HashSet<usize>) {
        self.summary = (0..self.items.len()).map(|n| still.contains(&n)).collect();
    }
}

/// A changed item whose page could not be had this time (one of
/// `still_summaries`) keeps what the library has if that is its page's
/// text, rather than be cut back to its summary: it is dropped from `fresh`.
async fn keep_page_texts(
    library: &Arc<Library>,
    source_id: i64,
    fresh: &mut NewOrChanged,
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
) -> Result<NewOrChanged, FeedError> {
    let stored = {
        let library = Arc::clone(library);
        let guids: Vec<String> = items.iter().map(|i| i.guid.clone()).collect();
        blocking(move || {
            let refs: Vec<&str> = guids.iter().map(String::as_str).collect();
            library.stored_versions(source_id, &refs)
        })
        .await?
    };
    let mut fresh = NewOrChanged {
        items: Vec::with_capacity(items.len()),
        versions: Vec::with_capacity(items.len()),
        changed: HashSet::new(),
        summary: Vec::new(),
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
/// page failed, or more than [`MAX_PAGES_PER_FEED`] wanted one) and how
/// many pages were tried.
async fn fetch_full_text(
    fetcher: &Arc<Fetcher>,
    route: Option<Route>,
    items: &mut [NewArticle],
    cancel: &Cancel,
) -> (HashSet<usize>, usize) {
    let short = summaries(items);
    let mut still: HashSet<usize> = short.iter().copied().collect();
    // The feed's pages take the feed's route (they are on its site).
    let targets = short
        .iter()
        .take(MAX_PAGES_PER_FEED)
        .map(|&n| (n, items[n].url.clone().unwrap_or_default()))
        .collect();
    for (n, page) in pages::fetch_pages(fetcher, targets, route, cancel).await {
        if let Ok(page) = page {
            if page.body_text.chars().count() > items[n].body_text.chars().count() {
                items[n].body_html = page.body_html;
                items[n].body_text = page.body_text;
                still.remove(&n);
            }
        }
    }
    (still, short.len().min(MAX_PAGES_PER_FEED))
}
