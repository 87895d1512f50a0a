//! Subscribing: a feed's address, or any page that announces one.

use std::sync::Arc;

use super::fetch::{FetchError, Fetched, Fetcher};
use super::sync::parse_feed_body;
use super::{blocking, Cancel};
use crate::ingest::decode;
use crate::{Code, Library, LibraryError, Timestamp};

/// Why subscribing or saving a page failed.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error("no feed at {0}")]
    NotAFeed(String),
    #[error("no article on the page: {0}")]
    NoArticle(String),
    /// A feed or page its parser could not read.
    #[error("{0}")]
    Unreadable(String),
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
            AddError::Unreadable(_) => Code::Parse,
            AddError::Library(e) => e.code(),
        }
    }
}

/// A subscription made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subscribed {
    pub id: i64,
    /// Kept pending: the address could not be reached (this code says
    /// why); the first sync that reaches it finds its feed and its title.
    pub pending: Option<Code>,
}

/// Whether a failure to reach an address says nothing about the address
/// itself (no connection, the filter, the proxy), so that a subscription
/// can wait for the network instead of failing.
fn unreachable_for_now(error: &FetchError) -> bool {
    matches!(
        error.code(),
        Code::Network | Code::Timeout | Code::Filtered | Code::ProxyUnreachable | Code::ProxyAuth
    )
}

/// [`subscribe`], but an address that cannot be reached now (offline,
/// filtered, the proxy down) is kept as a pending subscription instead of
/// failing: a first start or an OPML import offline loses nothing.
pub async fn subscribe_or_keep_pending(
    library: &Arc<Library>,
    fetcher: &Arc<Fetcher>,
    url: &str,
    folder: Option<&str>,
    now: Timestamp,
) -> Result<Subscribed, AddError> {
    match subscribe(library, fetcher, url, folder, now).await {
        Ok(id) => Ok(Subscribed { id, pending: None }),
        Err(AddError::Fetch(error)) if unreachable_for_now(&error) => {
            let url = super::normalize_url(url)?;
            let library = Arc::clone(library);
            let folder = folder.map(str::to_owned);
            let code = error.code();
            let id = blocking(move || {
                let id = library.add_pending_feed(&url, folder.as_deref(), now)?;
                library.record_feed_error(id, code, &error.to_string(), now)?;
                Ok(id)
            })
            .await?;
            Ok(Subscribed {
                id,
                pending: Some(code),
            })
        }
        Err(other) => Err(other),
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
        .map_err(|e| match e.code {
            Code::Parse => AddError::Unreadable(e.message),
            _ => AddError::NotAFeed(e.message),
        })?;
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
