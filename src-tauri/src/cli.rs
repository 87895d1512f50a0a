//! The headless `barg` command line: `barg` alone opens the app; a
//! subcommand works on the same library without opening a window.
//!
//! Exit status: 0 on success, 1 with a one-line message on bad input, 2 on bad
//! usage (clap's own). With `--json`, every result is one JSON object per line.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use barg_core::persian::{fold, jalali};
use barg_core::{ArticleFilter, Library, SearchQuery};
use clap::{Args, Parser, Subcommand, ValueEnum};
use fluent_bundle::FluentArgs;
use serde_json::json;

use crate::ipc;
use crate::settings::Language;
use crate::{now, Messages};

#[derive(Debug, Parser)]
#[command(
    name = "barg",
    version,
    about = "Barg (برگ), a Persian-first reader. Without a subcommand, opens the app."
)]
pub struct Cli {
    /// The data folder holding the library and settings.
    #[arg(long, global = true, env = "BARG_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Print one JSON object per line.
    #[arg(long, global = true)]
    pub json: bool,

    /// Open an empty window instead of Barg's interface: the baseline that
    /// `make bench` measures Barg's memory against.
    #[arg(long, hide = true)]
    pub empty_window: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import files: plain text, HTML pages, RSS/Atom/JSON feeds, Barg exports.
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Export the library or the bookmarks.
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: ipc::ExportFormat,
        /// Only the bookmarks (always so for html and md).
        #[arg(long)]
        bookmarks: bool,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Fetch new articles from the subscribed feeds.
    Sync {
        /// Only this feed.
        #[arg(long, value_name = "ID")]
        feed: Option<i64>,
    },
    /// Subscriptions: add, list, remove, OPML in and out.
    Feeds {
        #[command(subcommand)]
        action: FeedsAction,
    },
    /// Save a web page for offline reading.
    Save { url: String },
    /// Write a consistent copy of the library to FILE (never overwrites).
    Backup { file: PathBuf },
    /// Replace the library with a backup; the replaced library is kept beside it.
    Restore { file: PathBuf },
    /// List articles, newest first.
    List {
        /// Only bookmarked articles, newest bookmark first.
        #[arg(long)]
        bookmarked: bool,
        /// Only articles not yet read.
        #[arg(long)]
        unread: bool,
        /// Only this source's articles (ids as `barg feeds list` shows them).
        #[arg(long, value_name = "ID")]
        source: Option<i64>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Show one article's text.
    Show {
        id: i64,
        /// Show the text with lost half-spaces repaired (display only).
        #[arg(long)]
        repair: bool,
    },
    /// Search the library.
    Search(SearchArgs),
    /// Add, remove or list bookmarks.
    Bookmark {
        #[command(subcommand)]
        action: BookmarkAction,
    },
    /// Persian text tools: read standard input, write standard output.
    Text {
        #[arg(value_enum)]
        action: TextAction,
    },
    /// Convert a date between the Gregorian and the Jalali calendar.
    Date {
        /// A Gregorian date YYYY-MM-DD to convert to Jalali.
        #[arg(
            long,
            value_name = "YYYY-MM-DD",
            conflicts_with = "to_gregorian",
            required_unless_present = "to_gregorian"
        )]
        to_jalali: Option<String>,
        /// A Jalali date YYYY-MM-DD to convert to Gregorian.
        #[arg(long, value_name = "YYYY-MM-DD")]
        to_gregorian: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum FeedsAction {
    /// Subscribe to a feed (or to the feed a page announces).
    Add {
        url: String,
        #[arg(long)]
        folder: Option<String>,
    },
    /// List subscriptions with their state.
    List,
    /// Unsubscribe.
    Remove {
        id: i64,
        /// Keep the feed's articles (and bookmarks) in the library.
        #[arg(long)]
        keep_articles: bool,
    },
    /// Subscribe to every feed of an OPML file.
    ImportOpml { path: PathBuf },
    /// Write every subscription to an OPML file.
    ExportOpml { path: PathBuf },
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words, "a phrase" or a prefix*.
    pub query: String,
    #[arg(long, default_value_t = 20)]
    pub limit: u32,
    /// Only articles from this source.
    #[arg(long, value_name = "ID")]
    pub source: Option<i64>,
    #[arg(long)]
    pub bookmarked: bool,
    #[arg(long)]
    pub unread: bool,
    /// Only articles dated on or after this day (YYYY-MM-DD, Gregorian).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// Only articles dated on or before this day (YYYY-MM-DD, Gregorian).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum BookmarkAction {
    Add { id: i64 },
    Remove { id: i64 },
    List,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TextAction {
    /// Fold for search (what the index stores).
    Fold,
    /// Repair lost half-spaces, digits and punctuation spacing for reading.
    Repair,
}

/// A failure the user can act on: printed as one line, exit status 1.
#[derive(Debug)]
pub struct CliError(pub String);

/// Runs a subcommand; the result is the process exit code.
pub fn run(command: Command, data_dir: &Path, json_output: bool) -> std::process::ExitCode {
    let messages = Messages::new();
    let language = cli_language(data_dir);
    let mut out = std::io::stdout().lock();
    match execute(
        command,
        data_dir,
        json_output,
        &mut out,
        &messages,
        language,
    ) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(CliError(message)) => {
            if json_output {
                let _ = writeln!(out, "{}", json!({ "error": message }));
            }
            eprintln!("barg: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The language of messages: the app's interface language, else the
/// terminal's (`LANG`), else English.
fn cli_language(data_dir: &Path) -> Language {
    crate::settings::read_file(data_dir)
        .map(|s| s.language)
        .unwrap_or_else(|| {
            if std::env::var("LANG").is_ok_and(|l| l.starts_with("fa")) {
                Language::Fa
            } else {
                Language::En
            }
        })
}

fn open_library(
    data_dir: &Path,
    messages: &Messages,
    language: Language,
) -> Result<Library, CliError> {
    crate::open_library(data_dir).map_err(|e| {
        let mut args = FluentArgs::new();
        args.set("path", data_dir.display().to_string());
        CliError(format!(
            "{} ({e})",
            messages.text(language, "cli-library-unavailable", Some(&args))
        ))
    })
}

/// A command's error as one line in the user's language, with the detail.
fn command_error(
    messages: &Messages,
    language: Language,
    error: impl Into<crate::ipc::CommandError>,
) -> CliError {
    let error = error.into();
    CliError(format!(
        "{} ({})",
        messages.text(language, &error.code.message_id(), None),
        error.message
    ))
}

fn library_error(
    messages: &Messages,
    language: Language,
    error: barg_core::LibraryError,
) -> CliError {
    command_error(messages, language, error)
}

fn day_start(text: &str, end_of_day: bool) -> Result<i64, CliError> {
    let date = jalali::parse_ymd(text).map_err(|e| CliError(e.to_string()))?;
    jalali::to_jalali(date).map_err(|e| CliError(e.to_string()))?; // validates the day
    Ok(date.gregorian_unix_days() * 86_400 + if end_of_day { 86_399 } else { 0 })
}

/// A runtime for the subcommands that reach the network.
fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError(e.to_string()))
}

fn write_line(out: &mut impl Write, line: impl std::fmt::Display) -> Result<(), CliError> {
    writeln!(out, "{line}").map_err(|e| CliError(e.to_string()))
}

fn print_summaries(
    out: &mut impl Write,
    json_output: bool,
    articles: Vec<barg_core::ArticleSummary>,
) -> Result<(), CliError> {
    for article in articles {
        if json_output {
            write_line(
                out,
                serde_json::to_string(&ipc::ArticleSummary::from(article)).unwrap_or_default(),
            )?;
        } else {
            let mark = if article.bookmarked_at.is_some() {
                "★"
            } else {
                " "
            };
            write_line(
                out,
                format!(
                    "{:>6} {mark} {}  ({})",
                    article.id, article.title, article.source_title
                ),
            )?;
        }
    }
    Ok(())
}

fn execute(
    command: Command,
    data_dir: &Path,
    json_output: bool,
    out: &mut impl Write,
    messages: &Messages,
    language: Language,
) -> Result<(), CliError> {
    match command {
        Command::Import { paths } => {
            let library = open_library(data_dir, messages, language)?;
            let (mut added, mut duplicates, mut failed) = (0, 0, 0);
            for path in &paths {
                match library.import_file(path, now()) {
                    Ok(counts) => {
                        added += counts.added;
                        duplicates += counts.duplicates;
                        if json_output {
                            write_line(
                                out,
                                json!({ "path": path, "added": counts.added, "duplicates": counts.duplicates }),
                            )?;
                        }
                    }
                    Err(error) => {
                        failed += 1;
                        let error = crate::ipc::CommandError::from(error);
                        let reason = format!(
                            "{} ({})",
                            messages.text(language, &error.code.message_id(), None),
                            error.message
                        );
                        if json_output {
                            write_line(
                                out,
                                json!({ "path": path, "failed": error.code, "reason": reason }),
                            )?;
                        } else {
                            write_line(out, format!("{}: {reason}", path.display()))?;
                        }
                    }
                }
            }
            crate::compact_after_import(&library, added);
            let mut args = FluentArgs::new();
            args.set("added", added);
            args.set("duplicates", duplicates);
            args.set("failed", failed);
            if json_output {
                write_line(
                    out,
                    json!({ "added": added, "duplicates": duplicates, "failed": failed }),
                )?;
            } else {
                write_line(
                    out,
                    messages.text(language, "cli-import-summary", Some(&args)),
                )?;
            }
            if failed > 0 && added + duplicates == 0 {
                return Err(CliError(messages.text(
                    language,
                    "cli-import-nothing",
                    None,
                )));
            }
            Ok(())
        }
        Command::Sync { feed } => {
            let state = crate::AppState::open(data_dir)
                .map_err(|e| library_error(messages, language, e))?;
            let options = barg_core::feeds::sync::SyncOptions {
                images: Some(state.images.clone()),
                ..Default::default()
            };
            let report = runtime()?
                .block_on(barg_core::feeds::sync::sync(
                    &state.library,
                    &state.fetcher,
                    feed,
                    &options,
                    now(),
                    &state.sync_cancel,
                    |_| {},
                ))
                .map_err(|e| library_error(messages, language, e))?;
            for failure in &report.failed {
                let code = crate::ipc::ErrorCode::from(failure.code);
                let reason = format!(
                    "{} ({})",
                    messages.text(language, &code.message_id(), None),
                    failure.message
                );
                if json_output {
                    write_line(
                        out,
                        json!({ "feed": failure.source_id, "failed": code, "reason": reason }),
                    )?;
                } else {
                    write_line(
                        out,
                        format!("{:>6} {}: {reason}", failure.source_id, failure.title),
                    )?;
                }
            }
            if json_output {
                write_line(
                    out,
                    json!({ "added": report.added, "updated": report.updated, "unchanged": report.unchanged,
                            "failed": report.failed.len(), "images": report.images.fetched }),
                )?;
            } else {
                let mut args = FluentArgs::new();
                args.set("added", report.added);
                args.set("updated", report.updated);
                args.set("unchanged", report.unchanged);
                args.set("failed", report.failed.len());
                write_line(
                    out,
                    messages.text(language, "cli-sync-summary", Some(&args)),
                )?;
            }
            Ok(())
        }
        Command::Feeds { action } => {
            let state = crate::AppState::open(data_dir)
                .map_err(|e| library_error(messages, language, e))?;
            let library = &state.library;
            match action {
                FeedsAction::Add { url, folder } => {
                    let id = runtime()?
                        .block_on(barg_core::feeds::subscribe::subscribe(
                            library,
                            &state.fetcher,
                            &url,
                            folder.as_deref(),
                            now(),
                        ))
                        .map_err(|e| command_error(messages, language, e))?;
                    if json_output {
                        write_line(out, json!({ "id": id }))?;
                    } else {
                        write_line(out, id)?;
                    }
                }
                FeedsAction::List => {
                    let sources = library
                        .sources()
                        .map_err(|e| library_error(messages, language, e))?;
                    for source in sources.into_iter().filter(|s| s.url.is_some()) {
                        if json_output {
                            write_line(
                                out,
                                serde_json::to_string(&ipc::Source::from(source))
                                    .unwrap_or_default(),
                            )?;
                        } else {
                            let state = match &source.last_error_code {
                                Some(code) => messages.text(
                                    language,
                                    &crate::ipc::ErrorCode::from(*code).message_id(),
                                    None,
                                ),
                                None => String::from("ok"),
                            };
                            write_line(
                                out,
                                format!(
                                    "{:>6} {}  {}  [{}]  {}",
                                    source.id,
                                    source.title,
                                    source.url.unwrap_or_default(),
                                    source.folder.unwrap_or_default(),
                                    state
                                ),
                            )?;
                        }
                    }
                }
                FeedsAction::Remove { id, keep_articles } => {
                    library
                        .remove_source(id, keep_articles)
                        .map_err(|e| library_error(messages, language, e))?;
                    if json_output {
                        write_line(out, json!({ "removed": id, "keptArticles": keep_articles }))?;
                    }
                }
                FeedsAction::ImportOpml { path } => {
                    let text = std::fs::read_to_string(&path)
                        .map_err(|e| CliError(format!("{}: {e}", path.display())))?;
                    let counts = library
                        .import_opml(&text, now())
                        .map_err(|e| command_error(messages, language, e))?;
                    if json_output {
                        write_line(
                            out,
                            json!({ "added": counts.added, "existing": counts.existing }),
                        )?;
                    } else {
                        write_line(
                            out,
                            format!("+{} ({} existing)", counts.added, counts.existing),
                        )?;
                    }
                }
                FeedsAction::ExportOpml { path } => {
                    let (text, feeds) = library
                        .export_opml()
                        .map_err(|e| library_error(messages, language, e))?;
                    std::fs::write(&path, text)
                        .map_err(|e| CliError(format!("{}: {e}", path.display())))?;
                    if json_output {
                        write_line(out, json!({ "path": path, "feeds": feeds }))?;
                    } else {
                        write_line(out, format!("{feeds} → {}", path.display()))?;
                    }
                }
            }
            Ok(())
        }
        Command::Backup { file } => {
            let library = open_library(data_dir, messages, language)?;
            library
                .backup_to(&file)
                .map_err(|e| library_error(messages, language, e))?;
            if json_output {
                write_line(out, json!({ "backup": file }))?;
            } else {
                write_line(out, file.display())?;
            }
            Ok(())
        }
        Command::Restore { file } => {
            let library = open_library(data_dir, messages, language)?;
            let kept = library
                .restore_from(&file, now())
                .map_err(|e| library_error(messages, language, e))?;
            if json_output {
                write_line(out, json!({ "restored": file, "kept": kept }))?;
            } else {
                write_line(
                    out,
                    format!(
                        "{} ← {}  (kept: {})",
                        library.path().display(),
                        file.display(),
                        kept.display()
                    ),
                )?;
            }
            Ok(())
        }
        Command::Save { url } => {
            let state = crate::AppState::open(data_dir)
                .map_err(|e| library_error(messages, language, e))?;
            let id = runtime()?
                .block_on(barg_core::feeds::web_page::save_page(
                    &state.library,
                    &state.fetcher,
                    &url,
                    Some(&state.images),
                    now(),
                ))
                .map_err(|e| command_error(messages, language, e))?;
            if json_output {
                write_line(out, json!({ "id": id }))?;
            } else {
                write_line(out, id)?;
            }
            Ok(())
        }
        Command::Export {
            format,
            bookmarks,
            out: path,
        } => {
            let library = open_library(data_dir, messages, language)?;
            let counts =
                crate::export_to_file(&library, format.into(), bookmarks, &path).map_err(|e| {
                    CliError(format!(
                        "{} ({})",
                        messages.text(language, &e.code.message_id(), None),
                        e.message
                    ))
                })?;
            write_line(
                out,
                if json_output {
                    json!({ "path": path, "articles": counts.articles, "bookmarks": counts.bookmarks }).to_string()
                } else {
                    format!("{} → {}", counts.articles, path.display())
                },
            )
        }
        Command::List {
            bookmarked,
            unread,
            source,
            limit,
        } => {
            let library = open_library(data_dir, messages, language)?;
            let page = library
                .list_articles(&ArticleFilter {
                    bookmarked_only: bookmarked,
                    unread_only: unread,
                    source_id: source,
                    limit,
                    offset: 0,
                    ..Default::default()
                })
                .map_err(|e| library_error(messages, language, e))?;
            print_summaries(out, json_output, page)
        }
        Command::Show { id, repair } => {
            let library = open_library(data_dir, messages, language)?;
            let article = library
                .article(id)
                .map_err(|e| library_error(messages, language, e))?;
            let (title, body) = if repair {
                (
                    barg_core::persian::repair_text(&article.summary.title),
                    barg_core::persian::repair_text(&article.body_text),
                )
            } else {
                (article.summary.title.clone(), article.body_text.clone())
            };
            if json_output {
                let mut value = serde_json::to_value(ipc::ArticleSummary::from(article.summary))
                    .unwrap_or_default();
                value["title"] = json!(title);
                value["text"] = json!(body);
                value["url"] = json!(article.url);
                write_line(out, value)
            } else {
                write_line(out, format!("{title}\n\n{body}"))
            }
        }
        Command::Search(args) => {
            let library = open_library(data_dir, messages, language)?;
            let query = SearchQuery {
                text: args.query,
                limit: args.limit,
                offset: 0,
                source_id: args.source,
                bookmarked_only: args.bookmarked,
                unread_only: args.unread,
                from: args
                    .from
                    .as_deref()
                    .map(|d| day_start(d, false))
                    .transpose()?,
                to: args.to.as_deref().map(|d| day_start(d, true)).transpose()?,
            };
            let result = library
                .search(&query)
                .map_err(|e| library_error(messages, language, e))?;
            for hit in result.hits {
                let snippet: String = hit
                    .snippet_parts
                    .iter()
                    .map(|p| {
                        if p.hit && !json_output {
                            format!("[{}]", p.text)
                        } else {
                            p.text.clone()
                        }
                    })
                    .collect();
                if json_output {
                    write_line(
                        out,
                        json!({ "id": hit.article.id, "title": hit.article.title, "snippet": snippet, "score": hit.score }),
                    )?;
                } else {
                    write_line(
                        out,
                        format!(
                            "{:>6}  {}\n        {snippet}",
                            hit.article.id, hit.article.title
                        ),
                    )?;
                }
            }
            Ok(())
        }
        Command::Bookmark { action } => {
            let library = open_library(data_dir, messages, language)?;
            let (id, bookmarked) = match action {
                BookmarkAction::Add { id } => (id, true),
                BookmarkAction::Remove { id } => (id, false),
                BookmarkAction::List => {
                    let page = library
                        .list_articles(&ArticleFilter {
                            bookmarked_only: true,
                            limit: barg_core::articles::MAX_PAGE,
                            offset: 0,
                            ..Default::default()
                        })
                        .map_err(|e| library_error(messages, language, e))?;
                    return print_summaries(out, json_output, page);
                }
            };
            library
                .set_bookmark(id, bookmarked, now())
                .map_err(|e| library_error(messages, language, e))?;
            let line = match (json_output, bookmarked) {
                (true, true) => json!({ "bookmarked": id }).to_string(),
                (true, false) => json!({ "unbookmarked": id }).to_string(),
                (false, true) => format!("★ {id}"),
                (false, false) => format!("☆ {id}"),
            };
            write_line(out, line)
        }
        Command::Text { action } => {
            let mut input = String::new();
            std::io::stdin()
                .read_to_string(&mut input)
                .map_err(|e| CliError(e.to_string()))?;
            let output = match action {
                TextAction::Fold => input.lines().map(fold::fold).collect::<Vec<_>>().join("\n"),
                TextAction::Repair => barg_core::persian::repair_text(&input),
            };
            if json_output {
                write_line(out, json!({ "text": output }))
            } else {
                write!(out, "{output}").map_err(|e| CliError(e.to_string()))?;
                if !output.ends_with('\n') {
                    write_line(out, "")?;
                }
                Ok(())
            }
        }
        Command::Date {
            to_jalali,
            to_gregorian,
        } => {
            let (input, convert, label): (String, fn(_) -> _, _) = match (to_jalali, to_gregorian) {
                (Some(d), _) => (d, jalali::to_jalali, "jalali"),
                (None, Some(d)) => (d, jalali::to_gregorian, "gregorian"),
                (None, None) => return Err(CliError("--to-jalali or --to-gregorian".into())),
            };
            let date = jalali::parse_ymd(&input)
                .and_then(convert)
                .map_err(|e| CliError(e.to_string()))?;
            write_line(
                out,
                if json_output {
                    json!({ label: date.to_string() }).to_string()
                } else {
                    date.to_string()
                },
            )
        }
    }
}
