//! What the command line prints: each result as a line of text, or with
//! `--json` as one JSON object per line; failures as one line in the
//! user's language with the detail after it.

use std::io::Write;

use barg_core::ops::DataFolder;
use barg_core::Library;
use fluent_bundle::FluentArgs;
use serde_json::json;

use super::CliError;
use crate::ipc::{CommandError, ErrorCode};
use crate::settings::Language;
use crate::{now, AppState, Messages};

pub(super) struct Output {
    json: bool,
    stdout: std::io::StdoutLock<'static>,
    messages: Messages,
    language: Language,
    /// Persian text in the text output is repaired as the window shows it
    /// (the app's "repair half-spaces" setting); JSON keeps the stored text.
    repair: bool,
}

impl Output {
    pub(super) fn new(json: bool, folder: &DataFolder) -> Self {
        // The app's settings, read once: the language and the repair switch.
        let settings = crate::settings::read_file(&folder.dir);
        Self {
            json,
            stdout: std::io::stdout().lock(),
            messages: Messages::new(),
            language: language(settings.as_ref()),
            repair: settings.is_none_or(|s| s.repair_half_spaces),
        }
    }

    /// Whether Persian text is shown repaired (text output only).
    pub(super) fn repair(&self) -> bool {
        self.repair && !self.json
    }

    /// Whether results are JSON lines.
    pub(super) fn json(&self) -> bool {
        self.json
    }

    /// One result: `json` with `--json` (fields in their declared order),
    /// else the line `text` makes.
    pub(super) fn record(
        &mut self,
        json: impl serde::Serialize,
        text: impl FnOnce() -> String,
    ) -> Result<(), CliError> {
        let line = if self.json {
            serde_json::to_string(&json).map_err(|e| CliError(e.to_string()))?
        } else {
            text()
        };
        self.line(&line)
    }

    /// A line of text, whatever the mode (what `record` writes).
    pub(super) fn line(&mut self, line: &str) -> Result<(), CliError> {
        writeln!(self.stdout, "{line}").map_err(|e| CliError(e.to_string()))
    }

    /// Text as it is, without a line end added.
    pub(super) fn raw(&mut self, text: &str) -> Result<(), CliError> {
        write!(self.stdout, "{text}").map_err(|e| CliError(e.to_string()))
    }

    /// A localized message.
    pub(super) fn message(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        self.messages.text(self.language, id, args)
    }

    /// Why something failed: the localized text of its code, the detail after.
    pub(super) fn reason(&self, code: ErrorCode, detail: &str) -> String {
        format!("{} ({detail})", self.message(&code.message_id(), None))
    }

    /// A failure of barg-core as the one line the command ends with.
    pub(super) fn error(&self, error: impl Into<CommandError>) -> CliError {
        let error = error.into();
        CliError(self.reason(error.code, &error.message))
    }

    /// Said on standard error, beside the results (which stay parseable).
    pub(super) fn note(&self, text: &str) {
        eprintln!("barg: {text}");
    }

    /// The failure a command ended with.
    pub(super) fn failure(&mut self, message: &str) {
        if self.json {
            let _ = writeln!(self.stdout, "{}", json!({ "error": message }));
        }
        eprintln!("barg: {message}");
    }

    /// The data folder's library, opened (and filled with the sample when new).
    pub(super) fn opened_library(&self, folder: &DataFolder) -> Result<Library, CliError> {
        let library = folder
            .open_library(now())
            .map_err(|e| self.unavailable(folder, &e))?;
        self.note_if_read_only(&library);
        Ok(library)
    }

    /// The library with the HTTP client and the image cache, for the
    /// subcommands that reach the network.
    pub(super) fn opened_state(&self, folder: &DataFolder) -> Result<AppState, CliError> {
        let state = AppState::open(folder.clone()).map_err(|e| self.unavailable(folder, &e))?;
        self.note_if_read_only(&state.library);
        Ok(state)
    }

    /// One line on standard error when the library can only be read.
    fn note_if_read_only(&self, library: &Library) {
        if library.is_read_only() {
            self.note(&self.message("cli-read-only", None));
        }
    }

    fn unavailable(&self, folder: &DataFolder, error: &barg_core::LibraryError) -> CliError {
        let mut args = FluentArgs::new();
        args.set("path", folder.dir.display().to_string());
        CliError(format!(
            "{} ({error})",
            self.message("cli-library-unavailable", Some(&args))
        ))
    }
}

/// The language of messages: the app's interface language, else the
/// terminal's (`LANG`), else English.
fn language(settings: Option<&crate::settings::Settings>) -> Language {
    settings.map(|s| s.language).unwrap_or_else(|| {
        if std::env::var("LANG").is_ok_and(|l| l.starts_with("fa")) {
            Language::Fa
        } else {
            Language::En
        }
    })
}

/// A runtime for the subcommands that reach the network.
pub(super) fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError(e.to_string()))
}
