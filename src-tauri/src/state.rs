//! What the app's commands reach: the open library and what goes with it,
//! or, when the library could not be opened, the recovery state.

use std::path::PathBuf;
use std::sync::Arc;

use barg_core::feeds::fetch::{Fetcher, Limits};
use barg_core::feeds::images::ImageCache;
use barg_core::feeds::Cancel;
use barg_core::ops::DataFolder;
use barg_core::Library;
use tauri::{Manager, Runtime};

use crate::{ipc, now, Messages};

/// What every command can reach once the library is open.
pub struct AppState {
    pub library: Arc<Library>,
    pub folder: DataFolder,
    pub messages: Messages,
    /// The one HTTP client (its per-host limits hold across syncs).
    pub fetcher: Arc<Fetcher>,
    pub images: ImageCache,
    /// Stops the running sync; reset when the next one starts.
    pub sync_cancel: Cancel,
    /// Held, on purpose, for as long as a sync runs (an async lock: the
    /// one lock held across `.await`): a second sync waits instead of
    /// racing the first.
    pub sync_lock: Arc<tokio::sync::Mutex<()>>,
}

impl AppState {
    /// Opens (or creates) the library of `folder`, filling a new one with
    /// the sample articles.
    pub fn open(folder: DataFolder) -> Result<Self, barg_core::LibraryError> {
        Ok(Self {
            library: Arc::new(folder.open_library(now())?),
            messages: Messages::new(),
            fetcher: Arc::new(new_fetcher()),
            images: folder.image_cache(),
            folder,
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

/// Why the library could not be opened, while the app runs in recovery.
pub struct Recovery {
    pub folder: DataFolder,
    /// `None` once a fresh or restored library is open.
    pub problem: std::sync::Mutex<Option<ipc::CommandError>>,
}

/// The data folder the app runs on, whether its library is open or in
/// recovery.
pub fn data_dir_of<R: Runtime, M: Manager<R>>(app: &M) -> PathBuf {
    match (app.try_state::<AppState>(), app.try_state::<Recovery>()) {
        (Some(state), _) => state.folder.dir.clone(),
        (None, Some(recovery)) => recovery.folder.dir.clone(),
        (None, None) => PathBuf::from("."),
    }
}
