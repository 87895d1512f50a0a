//! The commands of low bandwidth: a feed's image policy, and the pages and
//! images the reader fetches one article at a time.

use tauri::State;

use super::on_library;
use crate::ipc::{self, CommandError};
use crate::{now, AppState};

/// Which of a feed's images a sync downloads.
#[tauri::command]
pub async fn set_feed_images(
    state: State<'_, AppState>,
    id: i64,
    images: ipc::ImagePolicy,
) -> Result<(), CommandError> {
    on_library(&state, move |library| {
        library.set_feed_images(id, images.into())
    })
    .await
}

/// Fetches a summary-only article's page (and its images, as the feed's
/// policy says). `asked`: the reader pressed the button; otherwise the
/// article was just opened, and text only or the feed's switch hold it back.
#[tauri::command]
pub async fn fetch_article_page(
    state: State<'_, AppState>,
    id: i64,
    asked: bool,
) -> Result<ipc::PageFetch, CommandError> {
    let fetched = barg_core::feeds::pages::fetch_article_page(
        &state.library,
        &state.fetcher(),
        Some(&state.images),
        id,
        asked,
        now(),
        &barg_core::feeds::Cancel::default(),
    )
    .await?;
    Ok(fetched.into())
}

/// Fetches an article's images that the offline cache lacks, whatever the
/// bandwidth policy (the reader asked). Returns how many are still missing.
#[tauri::command]
pub async fn fetch_article_images(
    state: State<'_, AppState>,
    id: i64,
) -> Result<u32, CommandError> {
    let article = on_library(&state, move |library| library.article(id)).await?;
    let urls = barg_core::feeds::images::image_urls(&article.body_html);
    let cache = state.images.clone();
    cache
        .fetch_for(
            &state.library,
            &state.fetcher(),
            vec![(id, urls.clone())],
            now(),
            &barg_core::feeds::Cancel::default(),
        )
        .await?;
    let missing = on_library(&state, move |library| cache.missing(library, &urls)).await?;
    Ok(missing.len() as u32)
}
