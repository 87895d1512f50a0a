//! Saving a web page for offline reading, like a feed item.

use std::sync::Arc;

use super::fetch::{Fetched, Fetcher};
use super::images::{image_urls, ImageCache};
use super::subscribe::AddError;
use super::{blocking, Cancel};
use crate::ingest::{decode, html};
use crate::{Library, Timestamp};

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
    .map_err(|e| match e {
        crate::ingest::IngestError::Unreadable(message) => AddError::Unreadable(message),
        other => AddError::NoArticle(other.to_string()),
    })?;
    let article = page.into_article(page_url.clone(), Some(page_url));
    let urls = image_urls(&article.body_html);
    let id = {
        let library = Arc::clone(library);
        blocking(move || {
            let source = library.ensure_well_known(crate::articles::SAVED_PAGES, now)?;
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
