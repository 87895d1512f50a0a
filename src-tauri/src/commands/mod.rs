//! The commands the UI calls. Each one takes its arguments, calls barg-core
//! off the main thread, and converts the result: no logic lives here.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use barg_core::ops::{self, FileImported};

use barg_core::fs::DiskRoom;
use barg_core::Library;
use tauri::{AppHandle, Manager, Runtime, State};

use tauri::ipc::Channel;

use crate::ipc::{
    self, CommandError, DefaultFeed, ErrorCode, ExportReport, ImportProgress, ImportReport,
    OpmlExportReport, OpmlImportReport, SavedPage, StartupState, TagCount,
};
use crate::settings::{self, Settings};
use crate::{now, AppState, Recovery, MAIN_WINDOW};

mod accounts;
mod network;
mod pages;
pub use accounts::*;
pub use network::*;
pub use pages::*;

/// Runs blocking library work on the blocking pool, so the UI thread and the
/// async runtime never wait on SQLite.
async fn on_library<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&Library) -> Result<T, barg_core::LibraryError> + Send + 'static,
) -> Result<T, CommandError> {
    let library = Arc::clone(&state.library);
    tauri::async_runtime::spawn_blocking(move || work(&library))
        .await
        .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?
        .map_err(CommandError::from)
}

#[tauri::command]
pub async fn list_articles(
    state: State<'_, AppState>,
    filter: ipc::ArticleFilter,
    repair: Option<bool>,
) -> Result<Vec<ipc::ArticleSummary>, CommandError> {
    let page = on_library(&state, move |library| library.list_articles(&filter.into())).await?;
    let repair = repair.unwrap_or(false);
    Ok(page
        .into_iter()
        .map(|row| if repair { row.repaired() } else { row })
        .map(Into::into)
        .collect())
}

/// One article; with `repair`, a Persian article's title and body come back
/// with lost half-spaces, digits and punctuation spacing repaired (the
/// stored text never changes).
#[tauri::command]
pub async fn get_article(
    state: State<'_, AppState>,
    id: i64,
    repair: Option<bool>,
) -> Result<ipc::Article, CommandError> {
    let mut article = on_library(&state, move |library| library.article(id)).await?;
    if repair.unwrap_or(false) && article.dir == barg_core::Direction::Rtl {
        article.summary.title = barg_core::persian::repair_text(&article.summary.title);
        article.body_html = barg_core::persian::repair_html_explained(&article.body_html);
    }
    let urls = barg_core::feeds::images::image_urls(&article.body_html);
    let cache = state.images.clone();
    let missing = on_library(&state, move |library| cache.missing(library, &urls)).await?;
    // Images load from the offline cache only, never from the network.
    article.body_html = barg_core::feeds::images::point_images_at_cache(
        &article.body_html,
        &crate::image_prefix(),
        &missing,
    );
    Ok(ipc::Article {
        images_missing: missing.len() as u32,
        ..article.into()
    })
}

#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: ipc::SearchQuery,
    repair: Option<bool>,
) -> Result<ipc::SearchResult, CommandError> {
    let mut result = on_library(&state, move |library| library.search(&query.into())).await?;
    if repair.unwrap_or(false) {
        result.hits = result.hits.into_iter().map(|hit| hit.repaired()).collect();
    }
    Ok(result.into())
}

#[tauri::command]
pub async fn list_sources(state: State<'_, AppState>) -> Result<Vec<ipc::Source>, CommandError> {
    Ok(on_library(&state, |library| library.sources())
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// Imports files one after another, streaming progress; a file that fails
/// is reported and the others go on.
#[tauri::command]
pub async fn import_files(
    state: State<'_, AppState>,
    paths: Vec<String>,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportReport, CommandError> {
    let library = Arc::clone(&state.library);
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    let files_total = paths.len() as u32;
    let report = tauri::async_runtime::spawn_blocking(move || {
        let mut files_done = 0;
        ops::import_files(&library, &paths, now(), |file, report| {
            let current_file = match file {
                FileImported::Started { path } => path.display().to_string(),
                FileImported::Stored { path, .. } => {
                    files_done += 1;
                    path.display().to_string()
                }
                FileImported::Failed(failure) => {
                    files_done += 1;
                    failure.path.display().to_string()
                }
            };
            let _ = on_progress.send(ImportProgress {
                files_done,
                files_total,
                added: report.added,
                duplicates: report.duplicates,
                failed: report.failed.len() as u32,
                current_file,
            });
        })
    })
    .await
    .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?;
    Ok(report.into())
}

/// Writes an export to `path`, whole or not at all.
#[tauri::command]
pub async fn export_library(
    state: State<'_, AppState>,
    format: ipc::ExportFormat,
    bookmarks_only: bool,
    path: String,
) -> Result<ExportReport, CommandError> {
    let library = Arc::clone(&state.library);
    let counts = tauri::async_runtime::spawn_blocking(move || {
        ops::export_to_file(
            &library,
            format.into(),
            bookmarks_only,
            Path::new(&path),
            now(),
        )
        .map(|counts| (counts, path))
    })
    .await
    .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))??;
    let (counts, path) = counts;
    Ok(ExportReport {
        articles: counts.articles,
        bookmarks: counts.bookmarks,
        path,
    })
}

#[tauri::command]
pub async fn set_bookmark(
    state: State<'_, AppState>,
    id: i64,
    bookmarked: bool,
) -> Result<(), CommandError> {
    let now = now();
    on_library(&state, move |library| {
        library.set_bookmark(id, bookmarked, now)
    })
    .await
}

#[tauri::command]
pub async fn set_read(state: State<'_, AppState>, id: i64, read: bool) -> Result<(), CommandError> {
    let now = now();
    on_library(&state, move |library| library.set_read(id, read, now)).await
}

#[tauri::command]
pub async fn set_reading_position(
    state: State<'_, AppState>,
    id: i64,
    position: f64,
) -> Result<(), CommandError> {
    on_library(&state, move |library| {
        library.set_reading_position(id, position)
    })
    .await
}

/// Opens a link in the system browser (never in the app's web view). Only
/// web and mail links: anything else (`file:`, `javascript:`, custom
/// schemes) is refused.
#[tauri::command]
pub async fn open_external<R: Runtime>(app: AppHandle<R>, url: String) -> Result<(), CommandError> {
    let parsed = url::Url::parse(&url)
        .map_err(|e| CommandError::new(ErrorCode::InvalidInput, e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https" | "mailto") {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            format!("refusing to open a {} link", parsed.scheme()),
        ));
    }
    // Launching waits a moment to see the launcher fail: off the main thread.
    tauri::async_runtime::spawn_blocking(move || open_outside(&app, parsed.as_str()))
        .await
        .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?
        .map_err(|message| CommandError::new(ErrorCode::Internal, message))
}

/// On Linux without the JavaScriptCore options Barg set for itself
/// (`system_browser`); elsewhere Barg sets none, and the opener plugin does.
#[cfg(target_os = "linux")]
fn open_outside<R: Runtime>(_app: &AppHandle<R>, url: &str) -> Result<(), String> {
    crate::system_browser::open(url).map_err(|e| e.to_string())
}

#[cfg(not(target_os = "linux"))]
fn open_outside<R: Runtime>(app: &AppHandle<R>, url: &str) -> Result<(), String> {
    use tauri_plugin_opener::OpenerExt;
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| e.to_string())
}

#[tauri::command]
pub fn get_settings<R: Runtime>(app: AppHandle<R>) -> Settings {
    settings::load(&app, &crate::state::data_dir_of(&app))
}

#[tauri::command]
pub fn set_settings<R: Runtime>(
    app: AppHandle<R>,
    settings: Settings,
) -> Result<Settings, CommandError> {
    let settings = settings.clamped();
    settings::save(&app, &crate::state::data_dir_of(&app), &settings)?;
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let title = crate::Messages::new().text(settings.language, "app-title", None);
        window
            .set_title(&title)
            .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?;
    }
    Ok(settings)
}

/// Subscribes to a feed, or to the feed a page announces; an address that
/// cannot be reached now is kept pending (the source says so).
#[tauri::command]
pub async fn add_feed(
    state: State<'_, AppState>,
    url: String,
    folder: Option<String>,
) -> Result<ipc::Source, CommandError> {
    let barg_core::feeds::subscribe::Subscribed { id, .. } =
        barg_core::feeds::subscribe::subscribe_or_keep_pending(
            &state.library,
            &state.fetcher(),
            &url,
            folder.as_deref(),
            now(),
        )
        .await?;
    let sources = on_library(&state, |library| library.sources()).await?;
    sources
        .into_iter()
        .find(|s| s.id == id)
        .map(Into::into)
        .ok_or_else(|| CommandError::new(ErrorCode::NotFound, format!("source {id}")))
}

#[tauri::command]
pub async fn remove_source(
    state: State<'_, AppState>,
    id: i64,
    keep_articles: bool,
) -> Result<(), CommandError> {
    on_library(&state, move |library| {
        library.remove_source(id, keep_articles)
    })
    .await
}

#[tauri::command]
pub async fn rename_source(
    state: State<'_, AppState>,
    id: i64,
    title: String,
) -> Result<(), CommandError> {
    if title.trim().is_empty() {
        return Err(CommandError::new(ErrorCode::InvalidInput, "an empty name"));
    }
    on_library(&state, move |library| library.rename_source(id, &title)).await
}

#[tauri::command]
pub async fn move_source(
    state: State<'_, AppState>,
    id: i64,
    folder: Option<String>,
) -> Result<(), CommandError> {
    on_library(&state, move |library| {
        library.move_source(id, folder.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn set_fetch_full_text(
    state: State<'_, AppState>,
    id: i64,
    on: bool,
) -> Result<(), CommandError> {
    on_library(&state, move |library| library.set_fetch_full_text(id, on)).await
}

/// Syncs every feed (or one), streaming progress; one sync at a time.
#[tauri::command]
pub async fn sync_feeds(
    state: State<'_, AppState>,
    source_id: Option<i64>,
    on_progress: Channel<ipc::SyncProgress>,
) -> Result<ipc::SyncReport, CommandError> {
    let _running = state.sync_lock.lock().await;
    state.sync_cancel.reset();
    let options = barg_core::feeds::sync::SyncOptions::with_images(state.images.clone());
    let report = barg_core::feeds::sync::sync(
        &state.library,
        &state.fetcher(),
        source_id,
        &options,
        now(),
        &state.sync_cancel,
        move |progress| {
            let _ = on_progress.send(progress.into());
        },
    )
    .await?;
    Ok(report.into())
}

#[tauri::command]
pub fn cancel_sync(state: State<'_, AppState>) {
    state.sync_cancel.cancel();
}

#[tauri::command]
pub async fn import_opml(
    state: State<'_, AppState>,
    path: String,
) -> Result<OpmlImportReport, CommandError> {
    let text = std::fs::read_to_string(&path)
        .map_err(|e| CommandError::new(ErrorCode::Io, e.to_string()))?;
    let library = Arc::clone(&state.library);
    let counts = tauri::async_runtime::spawn_blocking(move || library.import_opml(&text, now()))
        .await
        .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))??;
    Ok(OpmlImportReport {
        added: counts.added,
        existing: counts.existing,
    })
}

#[tauri::command]
pub async fn export_opml(
    state: State<'_, AppState>,
    path: String,
) -> Result<OpmlExportReport, CommandError> {
    let to = PathBuf::from(&path);
    let feeds = on_library(&state, move |library| {
        ops::export_opml_to_file(library, &to)
    })
    .await?;
    Ok(OpmlExportReport { feeds, path })
}

/// Saves a web page for offline reading; returns the new article's id.
#[tauri::command]
pub async fn save_page(state: State<'_, AppState>, url: String) -> Result<SavedPage, CommandError> {
    let id = barg_core::feeds::web_page::save_page(
        &state.library,
        &state.fetcher(),
        &url,
        Some(&state.images),
        now(),
    )
    .await?;
    Ok(SavedPage { id })
}

#[tauri::command]
pub fn default_feeds() -> Vec<DefaultFeed> {
    barg_core::feeds::defaults::DEFAULT_FEEDS
        .iter()
        .map(|&(title, url, lang)| DefaultFeed {
            title: title.into(),
            url: url.into(),
            lang: lang.into(),
        })
        .collect()
}

/// Sets a bookmark's tags and note (bookmarking the article if needed).
#[tauri::command]
pub async fn set_bookmark_details(
    state: State<'_, AppState>,
    id: i64,
    tags: Vec<String>,
    note: Option<String>,
) -> Result<(), CommandError> {
    let now = now();
    on_library(&state, move |library| {
        library.set_bookmark_details(id, &tags, note.as_deref(), now)
    })
    .await
}

#[tauri::command]
pub async fn list_tags(state: State<'_, AppState>) -> Result<Vec<TagCount>, CommandError> {
    Ok(on_library(&state, |library| library.bookmark_tags())
        .await?
        .into_iter()
        .map(|(tag, count)| TagCount { tag, count })
        .collect())
}

/// Writes a consistent copy of the library to `path`.
#[tauri::command]
pub async fn backup_library(state: State<'_, AppState>, path: String) -> Result<(), CommandError> {
    on_library(&state, move |library| library.backup_to(Path::new(&path))).await
}

/// Replaces the library with a backup; returns where the replaced one was kept.
#[tauri::command]
pub async fn restore_library(
    state: State<'_, AppState>,
    path: String,
) -> Result<String, CommandError> {
    let now = now();
    on_library(&state, move |library| {
        library.restore_from(Path::new(&path), now)
    })
    .await
    .map(|kept| kept.display().to_string())
}

#[tauri::command]
pub fn startup_state<R: Runtime>(app: AppHandle<R>) -> StartupState {
    let (problem, path) = match app.try_state::<Recovery>() {
        Some(recovery) => (
            recovery
                .problem
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone(),
            Some(recovery.folder.library_path().display().to_string()),
        ),
        None => (None, None),
    };
    StartupState {
        library_problem: problem,
        library_path: path,
        library_read_only: app
            .try_state::<AppState>()
            .is_some_and(|state| state.library.is_read_only()),
        disk_full: app.try_state::<AppState>().is_some_and(|state| {
            !state.library.is_read_only() && state.library.disk_room() == DiskRoom::Full
        }),
        settings_reset: settings::take_reset_notice(),
    }
}

/// Whether the library's disk has room again (asked while the full-disk
/// notice is up). When it has, what the full disk held back in the
/// write-ahead log is checkpointed, and Barg carries on without a restart.
#[tauri::command]
pub async fn disk_has_room(state: State<'_, AppState>) -> Result<bool, CommandError> {
    on_library(&state, |library| {
        if library.disk_room() != DiskRoom::Enough {
            return Ok(false);
        }
        library.checkpoint()?;
        Ok(true)
    })
    .await
}

/// Recovery: keeps the unreadable library beside under a new name and opens
/// a fresh one. Returns where the old file was kept.
#[tauri::command]
pub fn start_fresh_library<R: Runtime>(app: AppHandle<R>) -> Result<String, CommandError> {
    let recovery = in_recovery(&app)?;
    let kept = recovery.folder.set_library_aside(now())?;
    open_recovered(&app, &recovery)?;
    Ok(kept.display().to_string())
}

/// Recovery: keeps the unreadable library beside and puts a backup in its
/// place (checked first: a Barg library this Barg can read, intact).
#[tauri::command]
pub fn restore_into_new_library<R: Runtime>(
    app: AppHandle<R>,
    path: String,
) -> Result<String, CommandError> {
    let recovery = in_recovery(&app)?;
    let kept = recovery
        .folder
        .restore_into_new_library(Path::new(&path), now())?;
    open_recovered(&app, &recovery)?;
    Ok(kept.display().to_string())
}

fn in_recovery<R: Runtime>(app: &AppHandle<R>) -> Result<State<'_, Recovery>, CommandError> {
    app.try_state::<Recovery>()
        .ok_or_else(|| CommandError::new(ErrorCode::InvalidInput, "the library is open"))
}

fn open_recovered<R: Runtime>(app: &AppHandle<R>, recovery: &Recovery) -> Result<(), CommandError> {
    app.manage(AppState::open(recovery.folder.clone())?);
    *recovery.problem.lock().unwrap_or_else(|e| e.into_inner()) = None;
    Ok(())
}
