//! The headless `barg` command line: `barg` alone opens the app; a
//! subcommand works on the same library without opening a window.
//!
//! Exit status: 0 on success, 1 with a one-line message on bad input, 2 on bad
//! usage (clap's own). With `--json`, every result is one JSON object per line.
//!
//! One file per family of subcommands; each converts its arguments, calls
//! barg-core (its `ops` for what the window offers too) and prints through
//! [`output::Output`], which writes text or JSON lines.

mod accounts;
mod feeds;
mod import;
mod library;
mod network;
mod output;
mod search;
mod text;

use std::path::{Path, PathBuf};

use barg_core::ops::DataFolder;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::ipc;
use output::Output;

#[derive(Debug, Parser)]
#[command(
    name = "barg",
    version,
    about = "Barg (برگ), a Persian-first reader. Without a subcommand, opens the app; \
             `barg FILE|URL...` opens the app with them (in the window already open on \
             this library, if there is one): an OPML list subscribes to its feeds, a \
             feed: or web address subscribes to that feed, any other file is imported."
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
    /// Not a subcommand: files and addresses to open in the app
    /// (`barg FILE|URL...`).
    #[command(external_subcommand)]
    Open(Vec<String>),
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
    /// Fetch new articles from the subscribed feeds, then sync the
    /// accounts both ways.
    Sync {
        /// Only this feed.
        #[arg(long, value_name = "ID", conflicts_with = "account")]
        feed: Option<i64>,
        /// Only this account (ids as `barg account list` shows them).
        #[arg(long, value_name = "ID")]
        account: Option<i64>,
    },
    /// Sync accounts (FreshRSS, Miniflux, Inoreader… through the Google
    /// Reader API): add, list, remove, subscribe.
    Account {
        #[command(subcommand)]
        action: AccountAction,
    },
    /// Mark articles read or unread (an account's are synced to its server).
    Mark {
        #[arg(value_enum)]
        state: ReadState,
        ids: Vec<i64>,
        /// Every article of this source.
        #[arg(long, value_name = "ID", required_unless_present = "ids")]
        source: Option<i64>,
    },
    /// Subscriptions: add, list, remove, OPML in and out.
    Feeds {
        #[command(subcommand)]
        action: FeedsAction,
    },
    /// Save a web page for offline reading.
    Save { url: String },
    /// The proxy: `show`, `set URL|system|none [--user NAME
    /// --password-stdin]`, `clear` (back to the system's).
    Proxy {
        #[command(subcommand)]
        action: ProxyAction,
    },
    /// The default route for every feed without its own.
    Route {
        #[command(subcommand)]
        action: RouteAction,
    },
    /// Network checks and bandwidth: `check URL` says which way reaches it
    /// and why; `text-only on|off` stops syncs fetching pages and images.
    Net {
        #[command(subcommand)]
        action: NetAction,
    },
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
        /// At most this many (every one of them: there is no page cap).
        #[arg(long, default_value_t = 50, conflicts_with = "all")]
        limit: u32,
        /// Every article, streamed.
        #[arg(long)]
        all: bool,
    },
    /// Fetch a summary-only article's page (and its images, as its feed's
    /// image policy says), whatever the bandwidth settings.
    Page { id: i64 },
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
    /// A feed's own route: direct, proxy, auto, or default (its folder's,
    /// else the settings').
    Route {
        id: i64,
        #[arg(value_enum)]
        route: RouteArg,
    },
    /// Which of a feed's images a sync downloads: all, first (of each
    /// article) or none.
    Images {
        id: i64,
        #[arg(value_enum)]
        images: ImagesArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum AccountAction {
    /// Add an account; the password (for FreshRSS, the API password) is
    /// checked, then kept in the OS credential store.
    Add {
        #[arg(value_enum)]
        kind: AccountKindArg,
        /// The API's address: FreshRSS's ends in /api/greader.php.
        url: String,
        #[arg(long)]
        user: String,
        /// Read the password from standard input.
        #[arg(long)]
        password_stdin: bool,
        /// The first sync takes this many of the newest items (and every
        /// starred one).
        #[arg(long, default_value_t = barg_core::accounts::FIRST_ITEMS)]
        first_items: u32,
    },
    /// List the accounts with their state.
    List,
    /// Remove an account (the server is not changed).
    Remove {
        id: i64,
        /// Keep its articles (and bookmarks) in the library, no longer synced.
        #[arg(long)]
        keep_articles: bool,
    },
    /// Subscribe the account to a feed (the server fetches it), then sync.
    Subscribe {
        id: i64,
        url: String,
        #[arg(long)]
        folder: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AccountKindArg {
    /// The Google Reader API (FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux).
    Greader,
    /// The Fever API.
    Fever,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReadState {
    Read,
    Unread,
}

#[derive(Debug, Subcommand)]
pub enum ProxyAction {
    Show,
    /// `http://`, `https://`, `socks5://` or `socks5h://` HOST:PORT, or
    /// `system` (the environment's or the OS's proxy), or `none`.
    Set {
        address: String,
        #[arg(long)]
        user: Option<String>,
        /// Read the proxy's password from standard input and keep it in the
        /// OS credential store (never in a file of Barg's).
        #[arg(long, requires = "user")]
        password_stdin: bool,
    },
    Clear,
}

#[derive(Debug, Subcommand)]
pub enum RouteAction {
    /// iran: Iranian hosts direct, the rest through the proxy; all-proxy;
    /// direct; auto: direct, and the proxy where the direct way is filtered.
    Preset {
        #[arg(value_enum)]
        preset: PresetArg,
    },
    /// The route of a folder's feeds that have none of their own.
    Folder {
        folder: String,
        #[arg(value_enum)]
        route: RouteArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum NetAction {
    Check {
        url: String,
    },
    /// Low bandwidth: syncs fetch feeds only, no pages and no images.
    TextOnly {
        #[arg(value_enum)]
        state: Switch,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Switch {
    On,
    Off,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ImagesArg {
    All,
    First,
    None,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RouteArg {
    Direct,
    Proxy,
    Auto,
    Default,
}

impl RouteArg {
    /// The route it names; `None`: the default.
    fn route(self) -> Option<barg_core::network::Route> {
        use barg_core::network::Route;
        match self {
            RouteArg::Direct => Some(Route::Direct),
            RouteArg::Proxy => Some(Route::Proxy),
            RouteArg::Auto => Some(Route::Auto),
            RouteArg::Default => None,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PresetArg {
    Iran,
    AllProxy,
    Direct,
    Auto,
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
    let folder = DataFolder::new(data_dir);
    let mut out = Output::new(json_output, &folder);
    match execute(command, &folder, &mut out) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(CliError(message)) => {
            out.failure(&message);
            std::process::ExitCode::FAILURE
        }
    }
}

fn execute(command: Command, folder: &DataFolder, out: &mut Output) -> Result<(), CliError> {
    match command {
        // main.rs opens the app with these; nothing to run headless.
        Command::Open(_) => Err(CliError("files and addresses open in the app".into())),
        Command::Import { paths } => import::import(folder, out, &paths),
        Command::Sync { feed, account } => feeds::sync(folder, out, feed, account),
        Command::Account { action } => accounts::account(folder, out, action),
        Command::Mark { state, ids, source } => {
            accounts::mark(folder, out, matches!(state, ReadState::Read), &ids, source)
        }
        Command::Feeds { action } => feeds::feeds(folder, out, action),
        Command::Save { url } => feeds::save(folder, out, &url),
        Command::Proxy { action } => network::proxy(folder, out, action),
        Command::Route {
            action: RouteAction::Preset { preset },
        } => {
            use barg_core::network::Policy;
            let policy = match preset {
                PresetArg::Iran => Policy::Iran,
                PresetArg::AllProxy => Policy::AllProxy,
                PresetArg::Direct => Policy::Direct,
                PresetArg::Auto => Policy::Auto,
            };
            network::preset(folder, out, policy)
        }
        Command::Route {
            action:
                RouteAction::Folder {
                    folder: name,
                    route,
                },
        } => network::folder_route(folder, out, &name, route.route()),
        Command::Net {
            action: NetAction::Check { url },
        } => network::check(folder, out, &url),
        Command::Net {
            action: NetAction::TextOnly { state },
        } => network::text_only(folder, out, matches!(state, Switch::On)),
        Command::Page { id } => feeds::page(folder, out, id),
        Command::Backup { file } => library::backup(folder, out, &file),
        Command::Restore { file } => library::restore(folder, out, &file),
        Command::Export {
            format,
            bookmarks,
            out: path,
        } => library::export(folder, out, format, bookmarks, &path),
        Command::List {
            bookmarked,
            unread,
            source,
            limit,
            all,
        } => library::list(
            folder,
            out,
            barg_core::ArticleFilter {
                bookmarked_only: bookmarked,
                unread_only: unread,
                source_id: source,
                ..Default::default()
            },
            (!all).then_some(limit),
        ),
        Command::Show { id, repair } => library::show(folder, out, id, repair),
        Command::Search(args) => search::search(folder, out, args),
        Command::Bookmark { action } => library::bookmark(folder, out, action),
        Command::Text { action } => text::text(out, action),
        Command::Date {
            to_jalali,
            to_gregorian,
        } => text::date(out, to_jalali, to_gregorian),
    }
}
