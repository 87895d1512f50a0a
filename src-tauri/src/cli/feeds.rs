//! `barg sync`, `barg feeds …`, `barg save URL`: the subcommands that reach
//! the network.

use barg_core::feeds::sync::{self, SyncOptions};
use barg_core::ops::{self, DataFolder};
use fluent_bundle::FluentArgs;
use serde_json::json;

use super::output::{runtime, Output};
use super::{CliError, FeedsAction};
use crate::ipc::{self, ErrorCode};
use crate::now;

pub(super) fn sync(
    folder: &DataFolder,
    out: &mut Output,
    feed: Option<i64>,
    account: Option<i64>,
) -> Result<(), CliError> {
    let state = out.opened_state(folder)?;
    if account.is_some() {
        return match super::accounts::sync_accounts(&state, out, account)? {
            0 => Ok(()),
            _ => Err(CliError(out.message("cli-account-sync-failed", None))),
        };
    }
    let options = SyncOptions::with_images(state.images.clone());
    let report = runtime()?
        .block_on(sync::sync(
            &state.library,
            &state.fetcher(),
            feed,
            &options,
            now(),
            &state.sync_cancel,
            |_| {},
        ))
        .map_err(|e| out.error(e))?;
    if report.offline() {
        // One line, not one per feed: nothing answered.
        if out.json() {
            let code = report.failed.first().map(|f| ErrorCode::from(f.code));
            let line = json!({ "offline": true, "failed": report.failed.len(), "code": code });
            out.line(&line.to_string())?;
        }
        return Err(CliError(out.message("cli-sync-offline", None)));
    }
    for failure in &report.failed {
        let code = ErrorCode::from(failure.code);
        let reason = out.reason(code, &failure.message);
        out.record(
            json!({ "feed": failure.source_id, "failed": code, "reason": reason }),
            || format!("{:>6} {}: {reason}", failure.source_id, failure.title),
        )?;
    }
    let mut args = FluentArgs::new();
    args.set("added", report.added);
    args.set("updated", report.updated);
    args.set("unchanged", report.unchanged);
    args.set("failed", report.failed.len());
    let summary = out.message("cli-sync-summary", Some(&args));
    out.record(
        json!({ "added": report.added, "updated": report.updated, "unchanged": report.unchanged,
                "failed": report.failed.len(), "images": report.images.fetched }),
        || summary,
    )?;
    let accounts_failed = match feed {
        Some(_) => 0,
        None => super::accounts::sync_accounts(&state, out, None)?,
    };
    // Exit 1 when a feed or an account failed (what the others brought is
    // stored).
    if !report.failed.is_empty() {
        Err(CliError(out.message("cli-sync-some-failed", Some(&args))))
    } else if accounts_failed > 0 {
        Err(CliError(out.message("cli-account-sync-failed", None)))
    } else {
        Ok(())
    }
}

pub(super) fn feeds(
    folder: &DataFolder,
    out: &mut Output,
    action: FeedsAction,
) -> Result<(), CliError> {
    let state = out.opened_state(folder)?;
    let library = &state.library;
    match action {
        FeedsAction::Add { url, folder } => {
            let subscribed = runtime()?
                .block_on(barg_core::feeds::subscribe::subscribe_or_keep_pending(
                    library,
                    &state.fetcher(),
                    &url,
                    folder.as_deref(),
                    now(),
                ))
                .map_err(|e| out.error(e))?;
            let id = subscribed.id;
            let pending = subscribed.pending.map(ErrorCode::from);
            if let Some(code) = pending {
                // Kept, not failed: said beside the result, with why.
                let why = out.message(&code.message_id(), None);
                out.note(&format!("{} {why}", out.message("cli-feed-pending", None)));
            }
            out.record(json!({ "id": id, "pending": pending }), || id.to_string())
        }
        FeedsAction::List => {
            let sources = library.sources().map_err(|e| out.error(e))?;
            for source in sources.into_iter().filter(|s| s.url.is_some()) {
                let state = match source.last_error_code {
                    Some(code) => out.message(&ErrorCode::from(code).message_id(), None),
                    None => String::from("ok"),
                };
                let line = format!(
                    "{:>6} {}  {}  [{}]  {}",
                    source.id,
                    source.title,
                    source.url.as_deref().unwrap_or_default(),
                    source.folder.as_deref().unwrap_or_default(),
                    state
                );
                out.record(ipc::Source::from(source), || line)?;
            }
            Ok(())
        }
        FeedsAction::Remove { id, keep_articles } => {
            library
                .remove_source(id, keep_articles)
                .map_err(|e| out.error(e))?;
            if out.json() {
                out.line(&json!({ "removed": id, "keptArticles": keep_articles }).to_string())?;
            }
            Ok(())
        }
        FeedsAction::ImportOpml { path } => {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| CliError(format!("{}: {e}", path.display())))?;
            let counts = library
                .import_opml(&text, now())
                .map_err(|e| out.error(e))?;
            out.record(
                json!({ "added": counts.added, "existing": counts.existing }),
                || format!("+{} ({} existing)", counts.added, counts.existing),
            )
        }
        FeedsAction::Route { id, route } => {
            super::network::feed_route(folder, out, id, route.route())
        }
        FeedsAction::Images { id, images } => {
            use barg_core::feeds::ImagePolicy;
            let policy = match images {
                super::ImagesArg::All => ImagePolicy::All,
                super::ImagesArg::First => ImagePolicy::First,
                super::ImagesArg::None => ImagePolicy::None,
            };
            library
                .set_feed_images(id, policy)
                .map_err(|e| out.error(e))?;
            let name: &str = policy.into();
            out.record(json!({ "id": id, "images": name }), || {
                format!("{id}: {name}")
            })
        }
        FeedsAction::ExportOpml { path } => {
            let feeds = ops::export_opml_to_file(library, &path).map_err(|e| out.error(e))?;
            out.record(json!({ "path": path, "feeds": feeds }), || {
                format!("{feeds} → {}", path.display())
            })
        }
    }
}

pub(super) fn save(folder: &DataFolder, out: &mut Output, url: &str) -> Result<(), CliError> {
    let state = out.opened_state(folder)?;
    let id = runtime()?
        .block_on(barg_core::feeds::web_page::save_page(
            &state.library,
            &state.fetcher(),
            url,
            Some(&state.images),
            now(),
        ))
        .map_err(|e| out.error(e))?;
    out.record(json!({ "id": id }), || id.to_string())
}

/// Fetches a summary-only article's page, as the reader's button does.
pub(super) fn page(folder: &DataFolder, out: &mut Output, id: i64) -> Result<(), CliError> {
    use barg_core::feeds::pages::{self, PageFetch};
    let state = out.opened_state(folder)?;
    let fetched = runtime()?
        .block_on(pages::fetch_article_page(
            &state.library,
            &state.fetcher(),
            Some(&state.images),
            id,
            true,
            now(),
            &barg_core::feeds::Cancel::default(),
        ))
        .map_err(|error| {
            let code = ipc::ErrorCode::from(error.code());
            CliError(out.reason(code, &error.to_string()))
        })?;
    let (name, key) = match fetched {
        PageFetch::Filled => ("filled", "cli-page-filled"),
        PageFetch::NotSummary => ("not-summary", "cli-page-not-summary"),
        PageFetch::Skipped => ("skipped", "cli-page-skipped"),
    };
    let text = out.message(key, None);
    out.record(json!({ "id": id, "page": name }), || text)
}
