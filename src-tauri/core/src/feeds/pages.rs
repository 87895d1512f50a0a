//! Article pages for feed items that carry only a summary. A sync fetches
//! the pages of new summaries first, and spends what is left of its page
//! budget on summaries stored earlier (so none stays a summary for good);
//! the reader fetches an article's page at once when it is opened. Text
//! only (the network settings) and a feed's own switch stop the syncs and
//! the automatic fetch on opening; a reader who asks still gets the page.

use std::sync::Arc;

use rusqlite::{params, OptionalExtension};

use super::fetch::{FetchError, Fetched, Fetcher};
use super::images::{image_urls, ImageCache, ImagePolicy};
use super::{blocking, Cancel};
use crate::ingest::{decode, html};
use crate::network::Route;
use crate::store::{derive_version, folded_source_title, update_article, ReadyArticle};
use crate::{Code, Library, LibraryError, NewArticle, Timestamp};

/// Items whose text is shorter than this are taken for summaries.
pub(crate) const SUMMARY_CHARS: usize = 600;
/// At most this many article pages are fetched per feed and sync.
pub(crate) const MAX_PAGES_PER_FEED: usize = 20;
/// A sync tries a stored summary's page this many times; after that only
/// the reader asks for it.
const SYNC_TRIES: i64 = 3;

/// Whether an item carries only a summary (and a link to the whole article).
pub(crate) fn is_summary(item: &NewArticle) -> bool {
    item.url.is_some() && item.body_text.chars().count() < SUMMARY_CHARS
}

/// The main text of the page at `url`, fetched by `route`.
pub(crate) async fn fetch_page(
    fetcher: &Fetcher,
    url: &str,
    route: Option<Route>,
    cancel: &Cancel,
) -> Result<html::Page, PageError> {
    match fetcher.get_by(url, None, route, cancel).await? {
        Fetched::Body(body) => tokio::task::spawn_blocking(move || {
            let charset = body.charset().map(str::to_owned);
            let text = decode::decode_with_charset(&body.bytes, charset.as_deref()).text;
            html::extract(&text, Some(body.url.as_str())).map_err(|_| PageError::NoText)
        })
        .await
        .map_err(|e| PageError::Library(LibraryError::Internal(e.to_string())))?,
        Fetched::NotModified => Err(PageError::NoText),
    }
}

/// Fetches several pages at once (each address with the caller's key), all
/// by `route`; the answers come back in the order they arrive.
pub(crate) async fn fetch_pages<K: Send + 'static>(
    fetcher: &Arc<Fetcher>,
    targets: Vec<(K, String)>,
    route: Option<Route>,
    cancel: &Cancel,
) -> Vec<(K, Result<html::Page, PageError>)> {
    let mut tasks = tokio::task::JoinSet::new();
    for (key, url) in targets {
        let (fetcher, cancel) = (Arc::clone(fetcher), cancel.clone());
        tasks.spawn(async move { (key, fetch_page(&fetcher, &url, route, &cancel).await) });
    }
    let mut pages = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        if let Ok(answer) = joined {
            pages.push(answer);
        }
    }
    pages
}

/// Why an article's page could not be had.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    Library(#[from] LibraryError),
    /// The page has no article text, or no more than the summary.
    #[error("the page has no more text than the summary")]
    NoText,
}

impl PageError {
    pub fn code(&self) -> Code {
        match self {
            PageError::Fetch(e) => e.code(),
            PageError::Library(e) => e.code(),
            PageError::NoText => Code::Parse,
        }
    }
}

/// What opening (or asking for) an article's page did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageFetch {
    /// The page's text replaced the summary; its images were fetched as the
    /// feed's image policy says.
    Filled,
    /// Not a summary: nothing to fetch.
    NotSummary,
    /// Left for the reader to ask: text only, or the feed fetches no pages.
    Skipped,
}

/// Fetches the page of a summary-only article and stores its text (with
/// its images, within the bandwidth policy, when `cache` is given). When
/// not `asked` (the reader opened the article), text only and the feed's
/// switch hold it back.
pub async fn fetch_article_page(
    library: &Arc<Library>,
    fetcher: &Arc<Fetcher>,
    cache: Option<&ImageCache>,
    id: i64,
    asked: bool,
    now: Timestamp,
    cancel: &Cancel,
) -> Result<PageFetch, PageError> {
    let target = {
        let library = Arc::clone(library);
        blocking(move || library.page_target(id)).await?
    };
    let Some(target) = target else {
        return Ok(PageFetch::NotSummary);
    };
    let text_only = fetcher.network().text_only;
    if !asked && (text_only || !target.fetch_full_text) {
        return Ok(PageFetch::Skipped);
    }
    let route = fetcher
        .network()
        .feed_route(target.route, target.folder.as_deref());
    let page = fetch_page(fetcher, &target.url, route, cancel).await;
    let library_for_write = Arc::clone(library);
    let page = match page {
        Ok(page) => page,
        Err(error) => {
            blocking(move || library_for_write.store_pages(Vec::new(), vec![id])).await?;
            return Err(error);
        }
    };
    let filled =
        blocking(move || library_for_write.store_pages(vec![(id, page)], Vec::new())).await?;
    let Some((_, urls)) = filled.into_iter().next() else {
        return Err(PageError::NoText);
    };
    let policy = if text_only {
        ImagePolicy::None
    } else {
        target.images
    };
    let urls = policy.pick(urls);
    if let (Some(cache), false) = (cache, urls.is_empty()) {
        cache
            .fetch_for(library, fetcher, vec![(id, urls)], now, cancel)
            .await?;
    }
    Ok(PageFetch::Filled)
}

/// Fetches the pages of up to `limit` summaries the library holds for a
/// feed (newest first, those a sync has not already tried too often), and
/// stores the texts in one transaction. Returns the filled articles with
/// their image addresses.
pub(crate) async fn fill_stored_summaries(
    library: &Arc<Library>,
    fetcher: &Arc<Fetcher>,
    source_id: i64,
    route: Option<Route>,
    limit: usize,
    cancel: &Cancel,
) -> Result<Vec<(i64, Vec<String>)>, LibraryError> {
    if limit == 0 {
        return Ok(Vec::new());
    }
    let waiting = {
        let library = Arc::clone(library);
        blocking(move || library.summaries_awaiting_page(source_id, limit)).await?
    };
    if waiting.is_empty() {
        return Ok(Vec::new());
    }
    let (mut pages, mut failed) = (Vec::new(), Vec::new());
    for (id, page) in fetch_pages(fetcher, waiting, route, cancel).await {
        match page {
            Ok(page) => pages.push((id, page)),
            Err(_) => failed.push(id),
        }
    }
    if cancel.is_cancelled() {
        return Ok(Vec::new());
    }
    let library = Arc::clone(library);
    blocking(move || library.store_pages(pages, failed)).await
}

/// Where a summary-only article's page is, and its feed's settings.
struct PageTarget {
    url: String,
    route: Option<Route>,
    folder: Option<String>,
    fetch_full_text: bool,
    images: ImagePolicy,
}

impl Library {
    /// A summary-only article's page and its feed's settings (`None` when
    /// the article is not a summary, or has no page).
    fn page_target(&self, id: i64) -> Result<Option<PageTarget>, LibraryError> {
        type Row = (
            bool,
            Option<String>,
            Option<String>,
            Option<String>,
            bool,
            String,
        );
        let found: Option<Row> =
            self.read(|conn| {
                Ok(conn
                .prepare_cached(
                    "SELECT a.summary_only, a.url, s.route, s.folder, s.fetch_full_text, s.images
                     FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?1",
                )?
                .query_row([id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
                })
                .optional()?)
            })?;
        let (summary, url, route, folder, fetch_full_text, images) =
            found.ok_or(LibraryError::ArticleNotFound(id))?;
        Ok(url.filter(|_| summary).map(|url| PageTarget {
            url,
            route: route.and_then(|s| s.parse().ok()),
            folder,
            fetch_full_text,
            images: images.parse().unwrap_or_default(),
        }))
    }

    /// Up to `limit` of a feed's summary-only articles whose page a sync may
    /// still try, newest first: (id, page address).
    pub(crate) fn summaries_awaiting_page(
        &self,
        source_id: i64,
        limit: usize,
    ) -> Result<Vec<(i64, String)>, LibraryError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, url FROM articles
                 WHERE source_id = ?1 AND summary_only = 1 AND url IS NOT NULL AND page_tries < ?2
                 ORDER BY sort_at DESC, id DESC LIMIT ?3",
            )?;
            let rows = stmt.query_map(params![source_id, SYNC_TRIES, limit as i64], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Replaces summaries by their pages' texts and counts a failed try for
    /// each of `failed` (and for each page with no more text than its
    /// summary), in one transaction. The stored version (the hash of the
    /// feed's own text) stays, so the next sync still knows the item.
    /// Returns the filled articles with the image addresses of their text.
    pub(crate) fn store_pages(
        &self,
        pages: Vec<(i64, html::Page)>,
        mut failed: Vec<i64>,
    ) -> Result<Vec<(i64, Vec<String>)>, LibraryError> {
        if pages.is_empty() && failed.is_empty() {
            return Ok(Vec::new());
        }
        // Read and derive before the write lock is taken.
        let stored = self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT source_id, guid, url, title, author, published_at, language,
                        body_text, content_hash
                 FROM articles WHERE id = ?1 AND summary_only = 1",
            )?;
            let mut stored = Vec::with_capacity(pages.len());
            for (id, _) in &pages {
                stored.push(
                    stmt.query_row([id], |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            NewArticle {
                                guid: r.get(1)?,
                                url: r.get(2)?,
                                title: r.get(3)?,
                                author: r.get(4)?,
                                published_at: r.get(5)?,
                                language: r.get(6)?,
                                body_html: String::new(),
                                body_text: r.get(7)?,
                            },
                            r.get::<_, String>(8)?,
                        ))
                    })
                    .optional()?,
                );
            }
            Ok(stored)
        })?;
        let mut ready_items: Vec<(i64, i64, NewArticle, String)> = Vec::new();
        for ((id, page), stored) in pages.into_iter().zip(stored) {
            let Some((source_id, mut article, version)) = stored else {
                continue; // Filled meanwhile, or gone.
            };
            if page.body_text.chars().count() <= article.body_text.chars().count() {
                failed.push(id);
                continue;
            }
            article.body_html = page.body_html;
            article.body_text = page.body_text;
            ready_items.push((id, source_id, article, version));
        }
        let forms: Vec<_> = ready_items
            .iter()
            .map(|(_, _, article, version)| derive_version(article, version.clone()))
            .collect();
        let ready: Vec<(i64, i64, ReadyArticle<'_>)> = ready_items
            .iter()
            .zip(forms)
            .map(|((id, source_id, article, _), form)| {
                (*id, *source_id, ReadyArticle { article, form })
            })
            .collect();
        self.write_indexing(|tx, terms| {
            let mut tried =
                tx.prepare_cached("UPDATE articles SET page_tries = page_tries + 1 WHERE id = ?1")?;
            for id in &failed {
                tried.execute([id])?;
            }
            let mut filled = Vec::with_capacity(ready.len());
            for (id, source_id, item) in &ready {
                let source = folded_source_title(tx, *source_id)?;
                update_article(tx, *id, &source, item)?;
                tx.prepare_cached("UPDATE articles SET summary_only = 0 WHERE id = ?1")?
                    .execute([id])?;
                terms.add_folded(&item.form.folded);
                filled.push((*id, image_urls(&item.article.body_html)));
            }
            Ok(filled)
        })
    }
}
