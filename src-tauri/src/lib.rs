//! barg: the desktop app. It wires Tauri (plugins, managed state, the window,
//! the command list) to barg-core and owns the IPC wire types; it holds no
//! business logic. [`run_app`] builds the app on any Tauri runtime, so command
//! tests drive it through `tauri::test::mock_builder()`; [`cli`] is the
//! headless `barg` command line.

pub mod cli;
pub mod commands;
pub mod ipc;
pub mod l10n;
pub mod settings;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use barg_core::Library;
use tauri::{Builder, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};

pub use l10n::Messages;

/// The label of the one main window (capabilities/default.json names it).
pub const MAIN_WINDOW: &str = "main";

/// Identifies the app's folders on each platform (matches tauri.conf.json).
pub const APP_IDENTIFIER: &str = "app.barg.reader";

/// What every command can reach.
pub struct AppState {
    pub library: Arc<Library>,
    pub data_dir: PathBuf,
    pub messages: Messages,
}

impl AppState {
    /// Opens (or creates) the library in `data_dir`, filling a new one with
    /// the sample articles.
    pub fn open(data_dir: &Path) -> Result<Self, barg_core::LibraryError> {
        Ok(Self {
            library: Arc::new(open_library(data_dir)?),
            data_dir: data_dir.to_owned(),
            messages: Messages::new(),
        })
    }
}

/// Opens (or creates) the library in `data_dir`; a new library is filled
/// with the sample articles. The app and the command line both open it so.
pub fn open_library(data_dir: &Path) -> Result<Library, barg_core::LibraryError> {
    let library = Library::open(&library_path(data_dir))?;
    let added = barg_core::sample::import_once(&library, now())?;
    if added > 0 {
        tracing::info!(added, "filled the new library with the sample articles");
    }
    Ok(library)
}

/// The library file inside a data folder.
pub fn library_path(data_dir: &Path) -> PathBuf {
    data_dir.join("library.sqlite")
}

/// The data folder: `--data-dir` or `BARG_DATA_DIR` when given (clap reads
/// both), else the platform's app-data folder (`~/.local/share/app.barg.reader`).
pub fn resolve_data_dir(explicit: Option<PathBuf>) -> PathBuf {
    explicit.unwrap_or_else(|| {
        dirs::data_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join(APP_IDENTIFIER)
    })
}

/// Now, in Unix seconds: read at the edge and passed into barg-core.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Writes an export to `path` through a temporary file beside it, so a failed
/// export never leaves half a file under the chosen name. Shared by the
/// export command and `barg export`.
pub fn export_to_file(
    library: &Library,
    format: barg_core::export::ExportFormat,
    bookmarks_only: bool,
    path: &Path,
) -> Result<barg_core::ingest::barg_json::ExportCounts, ipc::CommandError> {
    let partial = path.with_extension("partial");
    let io = |e: std::io::Error| ipc::CommandError::new(ipc::ErrorCode::Io, e.to_string());
    let mut writer = std::io::BufWriter::new(std::fs::File::create(&partial).map_err(io)?);
    let counts = barg_core::export::export(library, format, bookmarks_only, &mut writer, now());
    drop(writer);
    match counts {
        Ok(counts) => {
            std::fs::rename(&partial, path).map_err(io)?;
            Ok(counts)
        }
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            Err(error.into())
        }
    }
}

/// Adds Barg's plugins and commands to a Tauri builder.
pub fn run_app<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(tauri::generate_handler![
            commands::list_articles,
            commands::get_article,
            commands::set_bookmark,
            commands::get_settings,
            commands::set_settings,
            commands::search,
            commands::list_sources,
            commands::import_files,
            commands::export_library,
            commands::set_read,
            commands::set_reading_position,
            commands::open_external,
        ])
}

/// Opens the main window, titled in the user's interface language.
pub fn open_main_window<R: Runtime, M: Manager<R>>(
    app: &M,
) -> tauri::Result<tauri::WebviewWindow<R>> {
    let state = app.state::<AppState>();
    let settings = settings::load(app, &state.data_dir);
    let title = state.messages.text(settings.language, "app-title", None);
    WebviewWindowBuilder::new(app, MAIN_WINDOW, WebviewUrl::App("index.html".into()))
        .title(title)
        .inner_size(1180.0, 800.0)
        .min_inner_size(420.0, 480.0)
        .build()
}

/// Runs the desktop app on `data_dir` until its window closes. With
/// `empty_window`, the window shows an empty page instead (a baseline for
/// memory measurements).
pub fn run_desktop(
    data_dir: PathBuf,
    empty_window: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    let state = AppState::open(&data_dir)?;
    let app = run_app(tauri::Builder::default())
        .setup(move |app| {
            app.manage(state);
            if empty_window {
                WebviewWindowBuilder::new(app, MAIN_WINDOW, WebviewUrl::App("empty.html".into()))
                    .build()?;
            } else {
                open_main_window(app)?;
            }
            Ok(())
        })
        .build(tauri::generate_context!())?;
    app.run(|_, _| {});
    Ok(())
}
