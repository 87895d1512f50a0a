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
#[cfg(target_os = "linux")]
mod system_browser;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use barg_core::feeds::fetch::{Fetcher, Limits};
use barg_core::feeds::images::ImageCache;
use barg_core::feeds::Cancel;
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
    /// The one HTTP client (its per-host limits hold across syncs).
    pub fetcher: Arc<Fetcher>,
    pub images: ImageCache,
    /// Stops the running sync; reset when the next one starts.
    pub sync_cancel: Cancel,
    /// Held while a sync runs: a second one waits instead of racing it.
    pub sync_lock: Arc<tokio::sync::Mutex<()>>,
}

/// The image cache's share of the disk.
pub const IMAGE_BUDGET_BYTES: u64 = 512 * 1024 * 1024;

impl AppState {
    /// Opens (or creates) the library in `data_dir`, filling a new one with
    /// the sample articles.
    pub fn open(data_dir: &Path) -> Result<Self, barg_core::LibraryError> {
        Ok(Self {
            library: Arc::new(open_library(data_dir)?),
            data_dir: data_dir.to_owned(),
            messages: Messages::new(),
            fetcher: Arc::new(new_fetcher()),
            images: image_cache(data_dir),
            sync_cancel: Cancel::default(),
            sync_lock: Arc::default(),
        })
    }
}

/// Barg's HTTP client with its default limits.
pub fn new_fetcher() -> Fetcher {
    // Building a client fails only when TLS cannot initialise at all.
    Fetcher::new(Limits::default()).unwrap_or_else(|e| panic!("no HTTP client: {e}"))
}

/// The offline image cache of a data folder.
pub fn image_cache(data_dir: &Path) -> ImageCache {
    ImageCache::new(data_dir.join("images"), IMAGE_BUDGET_BYTES)
}

/// The URI scheme the reader loads cached images through.
pub const IMAGE_SCHEME: &str = "barg-image";

/// The address prefix of a cached image, as the web view must write it
/// (Windows serves custom schemes as `http://<scheme>.localhost/`).
pub fn image_prefix() -> String {
    if cfg!(windows) {
        format!("http://{IMAGE_SCHEME}.localhost/")
    } else {
        format!("{IMAGE_SCHEME}://localhost/")
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

/// Moves an unreadable library file (and its WAL files) aside, under a name
/// that says when: it is kept, never deleted. Returns the new name.
pub fn set_library_aside(data_dir: &Path, now: i64) -> Result<PathBuf, ipc::CommandError> {
    let path = library_path(data_dir);
    let kept = path.with_file_name(format!("library.unreadable-{now}.sqlite"));
    std::fs::rename(&path, &kept)
        .map_err(|e| ipc::CommandError::new(ipc::ErrorCode::Io, e.to_string()))?;
    for side in ["-wal", "-shm"] {
        let from = format!("{}{side}", path.display());
        if Path::new(&from).exists() {
            let _ = std::fs::rename(&from, format!("{}{side}", kept.display()));
        }
    }
    Ok(kept)
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

/// Compacts the search index after a large import (see
/// `Library::compact_after_import`). The import itself has succeeded by
/// then, so a failure here is logged, not reported: queries stay correct,
/// only slower.
pub fn compact_after_import(library: &Library, added: u64) {
    if let Err(error) = library.compact_after_import(added) {
        tracing::warn!(%error, "compacting the search index after an import failed");
    }
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
        .register_asynchronous_uri_scheme_protocol(IMAGE_SCHEME, |ctx, request, responder| {
            let app = ctx.app_handle().clone();
            std::thread::spawn(move || responder.respond(cached_image(&app, request.uri().path())));
        })
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
            commands::add_feed,
            commands::remove_source,
            commands::rename_source,
            commands::move_source,
            commands::set_fetch_full_text,
            commands::sync_feeds,
            commands::cancel_sync,
            commands::import_opml,
            commands::export_opml,
            commands::save_page,
            commands::default_feeds,
            commands::set_bookmark_details,
            commands::list_tags,
            commands::backup_library,
            commands::restore_library,
            commands::startup_state,
            commands::start_fresh_library,
            commands::restore_into_new_library,
        ])
}

/// Answers the image scheme from the offline cache only: a path is the
/// percent-encoded original address; an image the cache lacks is a 404
/// (never a fetch from the network).
fn cached_image<R: Runtime>(
    app: &tauri::AppHandle<R>,
    path: &str,
) -> tauri::http::Response<Vec<u8>> {
    let not_found = || {
        tauri::http::Response::builder()
            .status(404)
            .body(Vec::new())
            .unwrap_or_default()
    };
    let encoded = path.trim_start_matches('/');
    let url: String = url::form_urlencoded::parse(format!("u={encoded}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let Some(state) = app.try_state::<AppState>() else {
        return not_found();
    };
    match state.images.lookup(&state.library, &url) {
        Ok(Some((file, mime))) => match std::fs::read(file) {
            Ok(bytes) => tauri::http::Response::builder()
                .header("Content-Type", mime)
                .header("Cache-Control", "max-age=31536000, immutable")
                .body(bytes)
                .unwrap_or_else(|_| not_found()),
            Err(_) => not_found(),
        },
        _ => not_found(),
    }
}

/// Why the library could not be opened, while the app runs in recovery.
pub struct Recovery {
    pub data_dir: PathBuf,
    /// `None` once a fresh or restored library is open.
    pub problem: std::sync::Mutex<Option<ipc::CommandError>>,
}

/// The data folder the app runs on, whether its library is open or in
/// recovery.
pub fn data_dir_of<R: Runtime, M: Manager<R>>(app: &M) -> PathBuf {
    match (app.try_state::<AppState>(), app.try_state::<Recovery>()) {
        (Some(state), _) => state.data_dir.clone(),
        (None, Some(recovery)) => recovery.data_dir.clone(),
        (None, None) => PathBuf::from("."),
    }
}

/// Opens the main window, titled in the user's interface language.
pub fn open_main_window<R: Runtime, M: Manager<R>>(
    app: &M,
) -> tauri::Result<tauri::WebviewWindow<R>> {
    let data_dir = data_dir_of(app);
    let settings = settings::load(app, &data_dir);
    let title = Messages::new().text(settings.language, "app-title", None);
    let window = WebviewWindowBuilder::new(app, MAIN_WINDOW, WebviewUrl::App("index.html".into()))
        .title(title)
        .inner_size(1180.0, 800.0)
        .min_inner_size(420.0, 480.0)
        .build()?;
    paint_in_software_without_a_gpu(&window);
    Ok(window)
}

/// Without a GPU (no DRM render node), WebKitGTK composites through
/// software OpenGL (llvmpipe), which only adds work: measured on the
/// million-article library under Xvfb, painting directly instead took the
/// frames over 50 ms while scrolling 10,000 rows from 2–10 to 0, opening an
/// article from p95 37–41 ms to 20–23 ms, and about 100 MB off the app's
/// memory.
/// With a GPU, WebKit's own choice stands. `WEBKIT_DISABLE_COMPOSITING_MODE`
/// still works as WebKit documents it.
fn paint_in_software_without_a_gpu<R: Runtime>(window: &tauri::WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    {
        let has_gpu = std::fs::read_dir("/dev/dri").is_ok_and(|nodes| {
            nodes
                .flatten()
                .any(|node| node.file_name().to_string_lossy().starts_with("renderD"))
        });
        if has_gpu {
            return;
        }
        let applied = window.with_webview(|webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = webview.inner().settings() {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
        if let Err(error) = applied {
            tracing::warn!(%error, "could not set WebKit's rendering policy");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

/// WebKitGTK's JavaScript engine is tuned for pages that load and go away,
/// or for heavy scripts; Barg's one page lives for the whole session and
/// its scripts are light (a frame's work is a few rows). By default JSC
/// collects the young generation only once 32 MB are allocated and keeps
/// whatever survived that in the old generation until a rare full
/// collection, so a long session holds a heap of mostly dead objects; and
/// its optimizing compilers spend memory on code that is fast enough
/// without them.
/// Measured on the million-article library (window bench: 100 articles
/// opened, 20,000 rows scrolled), the app with its WebKit processes after
/// the session: 360–374 MB by default, 312–313 MB with the collector set
/// as in `JAVASCRIPT_ENGINE_OPTIONS`, and 297 MB with the optimizing
/// compilers off too (the empty window: 211 MB throughout), with no frame
/// over 50 ms and opening p95 unchanged. The live heap after each collection stays about 6 MB.
/// Only JSC's own options (read from the environment: WebKitGTK has no API
/// for them) do this, and a value the user set wins. Programs Barg starts
/// go without them (`system_browser`). Must run before any thread starts:
/// it changes the environment.
fn tune_javascript_engine_for_a_long_session() {
    #[cfg(target_os = "linux")]
    {
        let set = JAVASCRIPT_ENGINE_OPTIONS
            .iter()
            .filter(|(name, _)| std::env::var_os(name).is_none())
            .map(|&(name, value)| {
                std::env::set_var(name, value);
                name
            })
            .collect();
        let _ = JAVASCRIPT_ENGINE_OPTIONS_SET.set(set);
    }
}

/// JavaScriptCore's options for Barg's page, with what each was measured to
/// do (see `tune_javascript_engine_for_a_long_session`).
#[cfg(target_os = "linux")]
const JAVASCRIPT_ENGINE_OPTIONS: [(&str, &str); 4] = [
    // Every collection is a full one: the live heap is small, so marking
    // all of it costs a few ms. Alone: 328–329 MB.
    ("JSC_useGenerationalGC", "0"),
    // The heap JSC grows from before it collects: 8 MB, not 32 MB. With
    // the line above: 312–313 MB.
    ("JSC_largeHeapSize", "8388608"),
    // The interpreter and the baseline compiler only. Without any
    // compiler: 289 MB, opening p95 24 ms; this keeps the baseline one.
    ("JSC_useDFGJIT", "0"),
    ("JSC_useFTLJIT", "0"),
];

/// The options `tune_javascript_engine_for_a_long_session` put in the
/// environment; programs Barg starts (the system browser) go without them.
#[cfg(target_os = "linux")]
static JAVASCRIPT_ENGINE_OPTIONS_SET: std::sync::OnceLock<Vec<&'static str>> =
    std::sync::OnceLock::new();

#[cfg(target_os = "linux")]
fn javascript_engine_options_set() -> &'static [&'static str] {
    JAVASCRIPT_ENGINE_OPTIONS_SET
        .get()
        .map_or(&[], Vec::as_slice)
}

/// Runs the desktop app on `data_dir` until its window closes. With
/// `empty_window`, the window shows an empty page instead (a baseline for
/// memory measurements).
pub fn run_desktop(
    data_dir: PathBuf,
    empty_window: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    tune_javascript_engine_for_a_long_session();
    // A library that cannot be opened (damaged, foreign, from a newer Barg)
    // is left untouched: the window opens in recovery, says what happened
    // and offers a fresh library or a backup.
    let opened = AppState::open(&data_dir);
    let app = run_app(tauri::Builder::default())
        .setup(move |app| {
            match opened {
                Ok(state) => {
                    app.manage(state);
                }
                Err(error) => {
                    tracing::error!(%error, "the library cannot be opened; starting in recovery");
                    app.manage(Recovery {
                        data_dir: data_dir.clone(),
                        problem: std::sync::Mutex::new(Some(ipc::CommandError::from(error))),
                    });
                }
            }
            if empty_window {
                // Rendered as the main window is, so that the two measure alike.
                let window = WebviewWindowBuilder::new(
                    app,
                    MAIN_WINDOW,
                    WebviewUrl::App("empty.html".into()),
                )
                .build()?;
                paint_in_software_without_a_gpu(&window);
            } else {
                open_main_window(app)?;
            }
            Ok(())
        })
        .build(tauri::generate_context!())?;
    app.run(|_, _| {});
    Ok(())
}
