//! The main window: opened in the user's language, painted without
//! compositing when there is no GPU.

use tauri::{Manager, Runtime, WebviewUrl, WebviewWindowBuilder};

use crate::state::data_dir_of;
use crate::{settings, Messages, MAIN_WINDOW};

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
pub(crate) fn paint_in_software_without_a_gpu<R: Runtime>(window: &tauri::WebviewWindow<R>) {
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
