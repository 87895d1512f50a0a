//! What `barg FILE|URL` asks for: the file or link the desktop hands Barg
//! (an `.opml` list opened from the file manager, a `feed:` link clicked in
//! a browser), at start or, through the single-instance hand-over, to the
//! window already open. An OPML list is imported, a feed's address is
//! subscribed to, any other file is imported as articles.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use barg_core::ops;
use serde::Serialize;
use ts_rs::TS;

use crate::ipc::{CommandError, ErrorCode};
use crate::{now, AppState};

/// The event the window hears when something was opened in Barg.
pub const OPENED_EVENT: &str = "barg://opened";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An OPML subscription list.
    Opml(PathBuf),
    /// Any other file: imported as articles.
    File(PathBuf),
    /// A feed's (or a page's) web address, to subscribe to.
    Feed(String),
}

/// What opening a target did, for the window.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Opened {
    /// Feeds subscribed to (from an OPML list or one address).
    Subscribed {
        added: u64,
        existing: u64,
    },
    /// Articles imported from a file.
    Imported {
        added: u64,
        duplicates: u64,
    },
    Failed {
        error: CommandError,
    },
}

/// The target an argument names; `None` for what is no target (an option,
/// a path to nothing). `cwd` resolves relative paths (the second
/// instance's, in a hand-over).
pub fn parse(argument: &str, cwd: &Path) -> Option<Target> {
    let argument = argument.trim();
    if argument.is_empty() || argument.starts_with('-') {
        return None;
    }
    let lower = argument.to_ascii_lowercase();
    // feed:https://…, feed://host/…, feeds://host/… (the schemes browsers
    // and sites use for "subscribe").
    for (scheme, web) in [("feeds://", "https://"), ("feed://", "http://")] {
        if lower.starts_with(scheme) {
            return Some(Target::Feed(format!("{web}{}", &argument[scheme.len()..])));
        }
    }
    if let Some(rest) = lower.strip_prefix("feed:") {
        let start = argument.len() - rest.len();
        return Some(Target::Feed(argument[start..].to_owned()));
    }
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Some(Target::Feed(argument.to_owned()));
    }
    let path = if lower.starts_with("file://") {
        url::Url::parse(argument).ok()?.to_file_path().ok()?
    } else {
        cwd.join(argument)
    };
    if !path.is_file() {
        return None;
    }
    let opml = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("opml"));
    Some(if opml {
        Target::Opml(path)
    } else {
        Target::File(path)
    })
}

/// The targets among a command line's arguments (the program's name and
/// options left out).
pub fn targets(arguments: &[String], cwd: &Path) -> Vec<Target> {
    let mut found = Vec::new();
    let mut skip_value = false;
    for argument in arguments.iter().skip(1) {
        if skip_value {
            skip_value = false;
            continue;
        }
        // `--data-dir DIR` takes the next argument.
        if argument == "--data-dir" {
            skip_value = true;
            continue;
        }
        found.extend(parse(argument, cwd));
    }
    found
}

/// Opens a target in the library.
pub async fn open(state: &AppState, target: Target) -> Opened {
    let result = match target {
        Target::Opml(path) => {
            let library = Arc::clone(&state.library);
            tauri::async_runtime::spawn_blocking(move || {
                let text = std::fs::read_to_string(&path).map_err(|e| {
                    CommandError::new(ErrorCode::Io, format!("{}: {e}", path.display()))
                })?;
                let counts = library
                    .import_opml(&text, now())
                    .map_err(CommandError::from)?;
                Ok(Opened::Subscribed {
                    added: counts.added,
                    existing: counts.existing,
                })
            })
            .await
            .unwrap_or_else(|e| Err(CommandError::new(ErrorCode::Internal, e.to_string())))
        }
        Target::File(path) => {
            let library = Arc::clone(&state.library);
            tauri::async_runtime::spawn_blocking(move || {
                let report = ops::import_files(&library, &[path], now(), |_, _| {});
                match report.failed.first() {
                    Some(failure) => Err(CommandError::new(failure.code, failure.message.clone())),
                    None => Ok(Opened::Imported {
                        added: report.added,
                        duplicates: report.duplicates,
                    }),
                }
            })
            .await
            .unwrap_or_else(|e| Err(CommandError::new(ErrorCode::Internal, e.to_string())))
        }
        Target::Feed(url) => barg_core::feeds::subscribe::subscribe_or_keep_pending(
            &state.library,
            &state.fetcher(),
            &url,
            None,
            now(),
        )
        .await
        .map(|_| Opened::Subscribed {
            added: 1,
            existing: 0,
        })
        .or_else(|error| match error.code() {
            barg_core::Code::AlreadySubscribed => Ok(Opened::Subscribed {
                added: 0,
                existing: 1,
            }),
            _ => Err(CommandError::from(error)),
        }),
    };
    result.unwrap_or_else(|error| Opened::Failed { error })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_files_name_their_targets() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("subs.OPML"), "<opml/>").unwrap();
        std::fs::write(dir.path().join("خبر.html"), "<p>متن</p>").unwrap();
        let cwd = dir.path();
        let feed = |url: &str| Some(Target::Feed(url.to_owned()));
        let cases = [
            (
                "feed://example.com/rss",
                feed("http://example.com/rss"),
                "feed:// is plain http",
            ),
            (
                "feeds://example.com/rss",
                feed("https://example.com/rss"),
                "feeds:// is https",
            ),
            (
                "feed:https://example.com/rss",
                feed("https://example.com/rss"),
                "feed: before an address",
            ),
            (
                "https://example.com/",
                feed("https://example.com/"),
                "a page's address",
            ),
            (
                "subs.OPML",
                Some(Target::Opml(cwd.join("subs.OPML"))),
                "an OPML list, any case",
            ),
            (
                "خبر.html",
                Some(Target::File(cwd.join("خبر.html"))),
                "any other file is imported",
            ),
            ("missing.opml", None, "a path to nothing"),
            ("--json", None, "an option"),
        ];
        for (argument, expected, why) in cases {
            assert_eq!(parse(argument, cwd), expected, "{why}: {argument}");
        }
        let url = url::Url::from_file_path(cwd.join("subs.OPML")).unwrap();
        assert_eq!(
            parse(url.as_str(), Path::new("/")),
            Some(Target::Opml(cwd.join("subs.OPML"))),
            "a file:// URL, as file managers pass %U"
        );
        let arguments: Vec<String> = ["barg", "--data-dir", "subs.OPML", "feed://a.example/"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            targets(&arguments, cwd),
            vec![Target::Feed("http://a.example/".into())],
            "--data-dir's value is no target"
        );
    }
}
