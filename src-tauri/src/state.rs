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
    /// The one HTTP client (its per-host limits hold across syncs),
    /// replaced whole when the network settings change (a running sync
    /// keeps the one it started with).
    fetcher: std::sync::RwLock<Arc<Fetcher>>,
    /// The proxy's password when no credential store can keep it: held
    /// until Barg closes, asked again at the next start.
    session_password: std::sync::Mutex<Option<String>>,
    pub images: ImageCache,
    /// Sync accounts' passwords when no credential store can keep them:
    /// held until Barg closes, by account id.
    account_passwords: std::sync::Mutex<std::collections::HashMap<i64, String>>,
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
        let library = folder.open_library(now())?;
        Ok(Self {
            fetcher: std::sync::RwLock::new(Arc::new(fetcher_for(&library, None))),
            session_password: std::sync::Mutex::new(None),
            account_passwords: Default::default(),
            library: Arc::new(library),
            messages: Messages::new(),
            images: folder.image_cache(),
            folder,
            sync_cancel: Cancel::default(),
            sync_lock: Arc::default(),
        })
    }
}

impl AppState {
    /// Keeps the proxy's password for this run only (no credential store).
    pub fn keep_password_for_this_session(&self, password: Option<String>) {
        *self
            .session_password
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = password;
        self.refresh_fetcher();
    }

    /// Keeps an account's password for this run only (no credential store).
    pub fn keep_account_password(&self, account_id: i64, password: String) {
        self.account_passwords
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(account_id, password);
    }

    /// An account's password: held for this run, else from the
    /// environment or the OS credential store.
    pub fn account_password(
        &self,
        account: &barg_core::accounts::Account,
    ) -> Result<String, barg_core::accounts::AccountError> {
        let held = self
            .account_passwords
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&account.id)
            .cloned();
        match held {
            Some(password) => Ok(password),
            None => account_password(account),
        }
    }

    /// Whether a password is held for this run only.
    pub fn has_session_password(&self) -> bool {
        self.session_password
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some()
    }

    /// The HTTP client for the next request.
    pub fn fetcher(&self) -> Arc<Fetcher> {
        Arc::clone(&self.fetcher.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// Rebuilds the HTTP client from the library's network settings.
    pub fn refresh_fetcher(&self) {
        let session = self
            .session_password
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let fresh = Arc::new(fetcher_for(&self.library, session.as_deref()));
        *self.fetcher.write().unwrap_or_else(|e| e.into_inner()) = fresh;
    }
}

/// Where a manual proxy's password comes from when no credential store
/// holds it (none on this system): this environment variable, never an
/// argument or a file.
pub const PROXY_PASSWORD_VARIABLE: &str = "BARG_PROXY_PASSWORD";

/// The manual proxy's password: from the environment when given there,
/// else from the OS credential store.
pub fn proxy_password(network: &barg_core::network::NetworkSettings) -> Option<String> {
    if let Ok(password) = std::env::var(PROXY_PASSWORD_VARIABLE) {
        return Some(password);
    }
    let barg_core::network::Proxy::Manual {
        url,
        user: Some(user),
    } = &network.proxy
    else {
        return None;
    };
    let account = barg_core::credentials::proxy_account(url, user);
    barg_core::credentials::load(&account).unwrap_or_else(|error| {
        tracing::warn!(%error, "the proxy's password cannot be read from the credential store");
        None
    })
}

/// Where a sync account's password can be given when no credential store
/// can keep it (for one run; every account of that run takes it).
pub const ACCOUNT_PASSWORD_VARIABLE: &str = "BARG_ACCOUNT_PASSWORD";

pub fn account_password_from_environment() -> Option<String> {
    std::env::var(ACCOUNT_PASSWORD_VARIABLE).ok()
}

/// A sync account's password: from the environment when given there, else
/// from the OS credential store.
pub fn account_password(
    account: &barg_core::accounts::Account,
) -> Result<String, barg_core::accounts::AccountError> {
    match account_password_from_environment() {
        Some(password) => Ok(password),
        None => barg_core::accounts::stored_password(account),
    }
}

/// Barg's HTTP client with its default limits, routing by the library's
/// network settings. Settings that cannot be used (a damaged address) fall
/// back to the defaults, with a warning in the log. `session_password` is
/// the proxy's password held for this run, used when neither the
/// environment nor the credential store gives one.
pub fn fetcher_for(library: &Library, session_password: Option<&str>) -> Fetcher {
    let configured = library
        .network_settings()
        .map_err(|e| e.to_string())
        .and_then(|network| {
            let password = proxy_password(&network).or_else(|| session_password.map(str::to_owned));
            Fetcher::with_network(Limits::default(), network, password.as_deref())
                .map_err(|e| e.to_string())
        });
    configured.unwrap_or_else(|error| {
        tracing::warn!(%error, "the network settings cannot be used; going by the defaults");
        // Building a client fails only when TLS cannot initialise at all.
        Fetcher::new(Limits::default()).unwrap_or_else(|e| panic!("no HTTP client: {e}"))
    })
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
