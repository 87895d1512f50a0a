//! The `barg-image:` URI scheme: the reader's images, served from the
//! offline cache only, never fetched from the network.

use tauri::{Manager, Runtime};

use crate::state::AppState;

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

/// Answers the image scheme from the offline cache only: a path is the
/// percent-encoded original address; an image the cache lacks is a 404
/// (never a fetch from the network).
pub(crate) fn cached_image<R: Runtime>(
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
