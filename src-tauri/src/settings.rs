//! The user's settings for this machine, kept in one typed value under one
//! key of a tauri-plugin-store file in the data folder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tauri::Runtime;
use tauri_plugin_store::StoreExt;

const STORE_KEY: &str = "settings";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Barg is Persian-first: a first start speaks Persian.
    #[default]
    Fa,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Light,
    Dark,
    #[default]
    System,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    pub language: Language,
    pub theme: Theme,
    /// Show Persian articles with lost half-spaces repaired (display only).
    pub repair_half_spaces: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: Language::default(),
            theme: Theme::default(),
            repair_half_spaces: true,
        }
    }
}

/// Where the settings store of a data folder lives.
pub fn store_path(data_dir: &Path) -> PathBuf {
    data_dir.join("settings.json")
}

/// Reads the settings; missing or unreadable settings give the defaults
/// (a damaged file is kept beside as `settings.json.damaged`).
pub fn load<R: Runtime>(app: &impl tauri::Manager<R>, data_dir: &Path) -> Settings {
    let path = store_path(data_dir);
    let store = match app.store(&path) {
        Ok(store) => store,
        Err(error) => {
            tracing::warn!(%error, path = %path.display(), "settings store unreadable; using defaults");
            let _ = std::fs::rename(&path, path.with_extension("json.damaged"));
            return Settings::default();
        }
    };
    match store.get(STORE_KEY).map(serde_json::from_value::<Settings>) {
        Some(Ok(settings)) => settings,
        Some(Err(error)) => {
            tracing::warn!(%error, "settings value unreadable; using defaults");
            Settings::default()
        }
        None => Settings::default(),
    }
}

/// Reads the settings straight from the store file, without a running app
/// (the command line): the file is a JSON object with the settings under
/// [`STORE_KEY`]. `None` when missing or unreadable.
pub fn read_file(data_dir: &Path) -> Option<Settings> {
    let text = std::fs::read_to_string(store_path(data_dir)).ok()?;
    let mut store: serde_json::Value = serde_json::from_str(&text).ok()?;
    serde_json::from_value(store.get_mut(STORE_KEY)?.take()).ok()
}

/// Writes the settings to disk.
pub fn save<R: Runtime>(
    app: &impl tauri::Manager<R>,
    data_dir: &Path,
    settings: &Settings,
) -> Result<(), tauri_plugin_store::Error> {
    let store = app.store(store_path(data_dir))?;
    store.set(STORE_KEY, serde_json::to_value(settings)?);
    store.save()
}
