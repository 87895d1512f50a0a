//! The commands the UI calls. Each one takes its arguments, calls barg-core
//! off the main thread, and converts the result: no logic lives here.

use std::sync::Arc;

use barg_core::Library;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::ipc::{ArticleDto, ArticleFilterDto, ArticleSummaryDto, CommandError, ErrorCode};
use crate::settings::{self, Settings};
use crate::{now, AppState, MAIN_WINDOW};

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
    filter: ArticleFilterDto,
) -> Result<Vec<ArticleSummaryDto>, CommandError> {
    let page = on_library(&state, move |library| library.list_articles(&filter.into())).await?;
    Ok(page.into_iter().map(Into::into).collect())
}

#[tauri::command]
pub async fn get_article(state: State<'_, AppState>, id: i64) -> Result<ArticleDto, CommandError> {
    Ok(on_library(&state, move |library| library.article(id))
        .await?
        .into())
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
pub fn get_settings<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Settings {
    settings::load(&app, &state.data_dir)
}

#[tauri::command]
pub fn set_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, CommandError> {
    settings::save(&app, &state.data_dir, &settings)?;
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let title = state.messages.text(settings.language, "app-title", None);
        window
            .set_title(&title)
            .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?;
    }
    Ok(settings)
}
