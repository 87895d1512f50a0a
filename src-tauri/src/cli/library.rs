//! The library's own subcommands: list, show, bookmark, export, backup and
//! restore.

use std::ops::ControlFlow;
use std::path::Path;

use barg_core::ops::{self, DataFolder};
use barg_core::{ArticleFilter, ArticleSummary};
use serde_json::json;

use super::output::Output;
use super::{BookmarkAction, CliError};
use crate::{ipc, now};

/// Prints the articles `filter` selects, all of them or the first `limit`,
/// as they are read (no page cap: a script gets what it asked for).
pub(super) fn list(
    folder: &DataFolder,
    out: &mut Output,
    filter: ArticleFilter,
    limit: Option<u32>,
) -> Result<(), CliError> {
    let library = out.opened_library(folder)?;
    let mut left = limit.map_or(u64::MAX, u64::from);
    let mut printed = Ok(());
    if left > 0 {
        library
            .for_each_article(&filter, |article| {
                printed = print_summary(out, article);
                left -= 1;
                if printed.is_err() || left == 0 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            })
            .map_err(|e| out.error(e))?;
    }
    printed
}

fn print_summary(out: &mut Output, article: ArticleSummary) -> Result<(), CliError> {
    let mark = if article.bookmarked_at.is_some() {
        "★"
    } else {
        " "
    };
    let title = match out.repair() {
        true => article.clone().repaired().title,
        false => article.title.clone(),
    };
    let line = format!(
        "{:>6} {mark} {title}  ({})",
        article.id, article.source_title
    );
    out.record(ipc::ArticleSummary::from(article), || line)
}

pub(super) fn show(
    folder: &DataFolder,
    out: &mut Output,
    id: i64,
    repair: bool,
) -> Result<(), CliError> {
    let library = out.opened_library(folder)?;
    let article = library.article(id).map_err(|e| out.error(e))?;
    let (title, body) = if repair {
        (
            barg_core::persian::repair_text(&article.summary.title),
            barg_core::persian::repair_text(&article.body_text),
        )
    } else {
        (article.summary.title.clone(), article.body_text.clone())
    };
    let mut value =
        serde_json::to_value(ipc::ArticleSummary::from(article.summary)).unwrap_or_default();
    value["title"] = json!(title);
    value["text"] = json!(body);
    value["url"] = json!(article.url);
    out.record(value, || format!("{title}\n\n{body}"))
}

pub(super) fn bookmark(
    folder: &DataFolder,
    out: &mut Output,
    action: BookmarkAction,
) -> Result<(), CliError> {
    let (id, bookmarked) = match action {
        BookmarkAction::Add { id } => (id, true),
        BookmarkAction::Remove { id } => (id, false),
        BookmarkAction::List => {
            let filter = ArticleFilter {
                bookmarked_only: true,
                ..Default::default()
            };
            return list(folder, out, filter, None);
        }
    };
    let library = out.opened_library(folder)?;
    library
        .set_bookmark(id, bookmarked, now())
        .map_err(|e| out.error(e))?;
    let json = if bookmarked {
        json!({ "bookmarked": id })
    } else {
        json!({ "unbookmarked": id })
    };
    out.record(json, || {
        format!("{} {id}", if bookmarked { "★" } else { "☆" })
    })
}

pub(super) fn export(
    folder: &DataFolder,
    out: &mut Output,
    format: ipc::ExportFormat,
    bookmarks: bool,
    path: &Path,
) -> Result<(), CliError> {
    let library = out.opened_library(folder)?;
    let counts = ops::export_to_file(&library, format.into(), bookmarks, path, now())
        .map_err(|e| out.error(e))?;
    out.record(
        json!({ "path": path, "articles": counts.articles, "bookmarks": counts.bookmarks }),
        || format!("{} → {}", counts.articles, path.display()),
    )
}

pub(super) fn backup(folder: &DataFolder, out: &mut Output, file: &Path) -> Result<(), CliError> {
    let library = out.opened_library(folder)?;
    library.backup_to(file).map_err(|e| out.error(e))?;
    out.record(json!({ "backup": file }), || file.display().to_string())
}

pub(super) fn restore(folder: &DataFolder, out: &mut Output, file: &Path) -> Result<(), CliError> {
    let library = out.opened_library(folder)?;
    let kept = library
        .restore_from(file, now())
        .map_err(|e| out.error(e))?;
    out.record(json!({ "restored": file, "kept": kept }), || {
        format!(
            "{} ← {}  (kept: {})",
            library.path().display(),
            file.display(),
            kept.display()
        )
    })
}
