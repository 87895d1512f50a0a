//! barg: the desktop app. It wires Tauri (plugins, managed state, the window,
//! the command list) to barg-core and owns the IPC wire types; it holds no
//! business logic. [`run_app`] builds the app on any Tauri runtime, so command
//! tests drive it through `tauri::test::mock_builder()`; [`cli`] is the
//! headless `barg` command line. Both edges call barg-core's
//! [`barg_core::ops`] for what they both offer.

pub mod cli;
pub mod commands;
pub mod entry;
mod image_scheme;
pub mod ipc;
#[cfg(target_os = "linux")]
mod javascript_engine;
pub mod l10n;
pub mod open_target;
pub mod settings;
pub mod state;
#[cfg(target_os = "linux")]
mod system_browser;
mod window;

use std::path::PathBuf;

use barg_core::ops::DataFolder;
use tauri::{Builder, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};

pub use image_scheme::{image_prefix, IMAGE_SCHEME};
pub use l10n::Messages;
pub use state::{AppState, Recovery};
pub use window::open_main_window;

/// The label of the one main window (capabilities/default.json names it).
pub const MAIN_WINDOW: &str = "main";

/// Identifies the app's folders on each platform (matches tauri.conf.json).
pub const APP_IDENTIFIER: &str = "app.barg.reader";

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

/// Adds Barg's plugins and commands to a Tauri builder.
pub fn run_app<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .register_asynchronous_uri_scheme_protocol(IMAGE_SCHEME, |ctx, request, responder| {
            let app = ctx.app_handle().clone();
            std::thread::spawn(move || {
                responder.respond(image_scheme::cached_image(&app, request.uri().path()))
            });
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
            commands::set_feed_route,
            commands::set_feed_images,
            commands::fetch_article_page,
            commands::fetch_article_images,
            commands::network_settings,
            commands::set_network_settings,
            commands::check_network,
            commands::set_proxy_password,
            commands::proxy_password_kept,
            commands::sync_feeds,
            commands::list_accounts,
            commands::add_account,
            commands::set_account_password,
            commands::remove_account,
            commands::sync_accounts,
            commands::subscribe_account,
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
            commands::disk_has_room,
            commands::start_fresh_library,
            commands::restore_into_new_library,
        ])
}

/// The name the running window answers a second launch by: one per data
/// folder (another library is another instance), in the characters a D-Bus
/// name allows (FNV-1a of the folder's path: the same in every build).
fn instance_id(data_dir: &std::path::Path) -> String {
    let hash = data_dir
        .to_string_lossy()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{APP_IDENTIFIER}.library_{hash:016x}")
}

/// Opens what was asked for (`barg FILE|URL`, at start or handed over by a
/// second launch) in the open library, and tells the window.
fn open_targets<R: Runtime>(app: &tauri::AppHandle<R>, targets: Vec<open_target::Target>) {
    if targets.is_empty() {
        return;
    }
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        use tauri::Emitter;
        let Some(state) = app.try_state::<AppState>() else {
            return; // In recovery: there is no library to open it in.
        };
        for target in targets {
            let opened = open_target::open(&state, target).await;
            let _ = app.emit(open_target::OPENED_EVENT, opened);
        }
    });
}

/// Runs the desktop app on `data_dir` until its window closes, then opens
/// `targets` in it. With `empty_window`, the window shows an empty page
/// instead (a baseline for memory measurements).
pub fn run_desktop(
    data_dir: PathBuf,
    empty_window: bool,
    targets: Vec<open_target::Target>,
) -> Result<(), Box<dyn std::error::Error>> {
    #[cfg(target_os = "linux")]
    javascript_engine::tune_javascript_engine_for_a_long_session();
    // A library that cannot be opened (damaged, foreign, from a newer Barg)
    // is left untouched: the window opens in recovery, says what happened
    // and offers a fresh library or a backup.
    // A second launch on the same library hands its arguments to this
    // window and exits (registered first, before anything else is set up).
    let single_instance = tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_id(&data_dir))
        .callback(|app, arguments, cwd| {
            if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
            open_targets(
                app,
                open_target::targets(&arguments, std::path::Path::new(&cwd)),
            );
        })
        .build();
    let folder = DataFolder::new(data_dir);
    let opened = AppState::open(folder.clone());
    let app = run_app(tauri::Builder::default().plugin(single_instance))
        .setup(move |app| {
            match opened {
                Ok(state) => {
                    app.manage(state);
                }
                Err(error) => {
                    tracing::error!(%error, "the library cannot be opened; starting in recovery");
                    app.manage(Recovery {
                        folder: folder.clone(),
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
                window::paint_in_software_without_a_gpu(&window);
            } else {
                open_main_window(app)?;
                open_targets(app.handle(), targets);
            }
            Ok(())
        })
        .build(tauri::generate_context!())?;
    app.run(|_, _| {});
    Ok(())
}
