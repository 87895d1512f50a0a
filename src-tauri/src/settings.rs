//! The user's settings for this machine, kept in one typed value under one
//! key of a tauri-plugin-store file in the data folder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tauri::Runtime;
use tauri_plugin_store::StoreExt;
use ts_rs::TS;

const STORE_KEY: &str = "settings";

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, TS, strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Barg is Persian-first: a first start speaks Persian.
    #[default]
    Fa,
    En,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, TS, strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Light,
    Dark,
    Sepia,
    #[default]
    System,
}

/// Which digits dates and counts are shown in (article text is never changed).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, TS, strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
pub enum Digits {
    #[default]
    Persian,
    Latin,
}

/// The calendar of displayed dates, independent of the interface language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, TS, strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    #[default]
    Jalali,
    Gregorian,
}

/// Every field has a default, so a settings file from an older Barg (or
/// with a field missing) still loads; values out of range are clamped.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    pub language: Language,
    pub theme: Theme,
    /// Show Persian articles with lost half-spaces repaired (display only).
    pub repair_half_spaces: bool,
    /// Reader font size in CSS pixels ([`FONT_SIZE_RANGE`]).
    pub font_size: u8,
    /// Reader line height ([`LINE_HEIGHT_RANGE`]).
    pub line_height: f32,
    /// Reader text width in `ch` ([`TEXT_WIDTH_RANGE`]).
    pub text_width: u16,
    pub digits: Digits,
    pub calendar: Calendar,
    /// Mark an article read when it is opened.
    pub mark_read_on_open: bool,
    /// Widths in CSS pixels of the sources pane and the list pane
    /// ([`PANE_WIDTH_RANGES`]).
    pub pane_widths: [u16; 2],
    /// Minutes between background syncs; 0 turns them off (at most
    /// [`REFRESH_MINUTES_MAX`]).
    pub refresh_minutes: u16,
    /// Whether the default Persian feeds were offered (they are, once).
    pub feeds_offered: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: Language::default(),
            theme: Theme::default(),
            repair_half_spaces: true,
            font_size: 18,
            line_height: 1.9,
            text_width: 42,
            digits: Digits::default(),
            calendar: Calendar::default(),
            mark_read_on_open: true,
            pane_widths: [220, 380],
            refresh_minutes: 30,
            feeds_offered: false,
        }
    }
}

/// A number setting's range as the settings keep it and the UI's slider
/// offers it; the UI's copy is generated (`ui/src/lib/generated/ipc.ts`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range<T> {
    pub min: T,
    pub max: T,
    /// The slider's step.
    pub step: T,
}

impl<T: PartialOrd + Copy> Range<T> {
    fn clamp(&self, value: T) -> T {
        if value < self.min {
            self.min
        } else if value > self.max {
            self.max
        } else {
            value
        }
    }
}

pub const FONT_SIZE_RANGE: Range<u8> = Range {
    min: 14,
    max: 28,
    step: 1,
};
pub const LINE_HEIGHT_RANGE: Range<f32> = Range {
    min: 1.4,
    max: 2.4,
    step: 0.1,
};
pub const TEXT_WIDTH_RANGE: Range<u16> = Range {
    min: 30,
    max: 90,
    step: 2,
};
/// The sources pane's and the list pane's [min, max] widths.
pub const PANE_WIDTH_RANGES: [[u16; 2]; 2] = [[160, 480], [240, 800]];
/// A day: background syncs further apart are as good as off.
pub const REFRESH_MINUTES_MAX: u16 = 24 * 60;

impl Settings {
    /// The same settings with every number inside its range.
    pub fn clamped(mut self) -> Self {
        self.font_size = FONT_SIZE_RANGE.clamp(self.font_size);
        self.line_height = if self.line_height.is_finite() {
            LINE_HEIGHT_RANGE.clamp(self.line_height)
        } else {
            Settings::default().line_height
        };
        self.text_width = TEXT_WIDTH_RANGE.clamp(self.text_width);
        self.refresh_minutes = self.refresh_minutes.min(REFRESH_MINUTES_MAX);
        for (width, [min, max]) in self.pane_widths.iter_mut().zip(PANE_WIDTH_RANGES) {
            *width = (*width).clamp(min, max);
        }
        self
    }
}

/// Where the settings store of a data folder lives.
pub fn store_path(data_dir: &Path) -> PathBuf {
    data_dir.join("settings.json")
}

/// Reads the settings; missing or unreadable settings give the defaults
/// (a damaged file is kept beside as `settings.json.damaged`).
/// Set when damaged settings were replaced by the defaults, until the UI has
/// told the user ([`take_reset_notice`]).
static SETTINGS_RESET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the settings were reset since the last call (once per reset).
pub fn take_reset_notice() -> bool {
    SETTINGS_RESET.swap(false, std::sync::atomic::Ordering::SeqCst)
}

pub fn load<R: Runtime>(app: &impl tauri::Manager<R>, data_dir: &Path) -> Settings {
    let path = store_path(data_dir);
    // The store plugin ignores a file it cannot parse (and would overwrite
    // it on the next save): check it first, and keep a damaged one aside.
    if let Ok(bytes) = std::fs::read(&path) {
        let readable = serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&bytes)
            .is_ok_and(|store| {
                store
                    .get(STORE_KEY)
                    .is_none_or(|v| serde_json::from_value::<Settings>(v.clone()).is_ok())
            });
        if !readable {
            tracing::warn!(path = %path.display(), "settings file damaged; kept aside, using defaults");
            let _ = std::fs::rename(&path, path.with_extension("json.damaged"));
            SETTINGS_RESET.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    }
    let store = match app.store(&path) {
        Ok(store) => store,
        Err(error) => {
            tracing::warn!(%error, path = %path.display(), "settings store unreadable; using defaults");
            let _ = std::fs::rename(&path, path.with_extension("json.damaged"));
            SETTINGS_RESET.store(true, std::sync::atomic::Ordering::SeqCst);
            return Settings::default();
        }
    };
    match store.get(STORE_KEY).map(serde_json::from_value::<Settings>) {
        Some(Ok(settings)) => settings.clamped(),
        Some(Err(error)) => {
            tracing::warn!(%error, "settings value unreadable; using defaults");
            SETTINGS_RESET.store(true, std::sync::atomic::Ordering::SeqCst);
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
