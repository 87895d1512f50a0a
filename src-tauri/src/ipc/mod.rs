//! The wire types: what crosses IPC as JSON, converted from barg-core's
//! plain types at this edge. Their TypeScript twins in
//! `ui/src/lib/generated/ipc.ts` are generated from these definitions
//! (`ts-rs`; `tests/it/bindings.rs` writes the file and fails when the
//! committed one differs), so the contract has one source. Names are the
//! core's without a suffix: write `ipc::Article` beside `barg_core::Article`.

mod accounts;
mod network;
mod sync;
pub use accounts::*;
pub use network::*;
pub use sync::*;

use barg_core::ingest::IngestError;
use barg_core::{Code, LibraryError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An error as the UI sees it: a stable `code` that picks the localized text
/// (`error-<code>` in `locales/*/app.ftl`), and a developer-facing message.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

/// The codes the UI tells apart: every [`Code`] of barg-core, plus the
/// one only this edge has (`settings`, the settings store).
#[derive(
    Debug, Clone, Copy, Serialize, PartialEq, Eq, strum::EnumIter, strum::IntoStaticStr, TS,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum ErrorCode {
    NotFound,
    Database,
    InvalidInput,
    Settings,
    Io,
    UnsupportedFormat,
    TooLarge,
    Internal,
    Network,
    Timeout,
    HttpStatus,
    NotAFeed,
    Parse,
    RedirectLoop,
    Cancelled,
    AlreadySubscribed,
    ForeignLibrary,
    NewerLibrary,
    ReadOnly,
    DiskFull,
    Filtered,
    ProxyUnreachable,
    ProxyAuth,
    AccountAuth,
    AccountAnswer,
    AccountUnsupported,
    NoCredentialStore,
}

impl From<Code> for ErrorCode {
    /// Exhaustive: a new code in barg-core does not compile until it has
    /// its place here (and the locale test then asks for its message).
    fn from(code: Code) -> Self {
        match code {
            Code::NotFound => ErrorCode::NotFound,
            Code::Database => ErrorCode::Database,
            Code::InvalidInput => ErrorCode::InvalidInput,
            Code::Io => ErrorCode::Io,
            Code::UnsupportedFormat => ErrorCode::UnsupportedFormat,
            Code::TooLarge => ErrorCode::TooLarge,
            Code::Internal => ErrorCode::Internal,
            Code::Network => ErrorCode::Network,
            Code::Timeout => ErrorCode::Timeout,
            Code::HttpStatus => ErrorCode::HttpStatus,
            Code::NotAFeed => ErrorCode::NotAFeed,
            Code::Parse => ErrorCode::Parse,
            Code::RedirectLoop => ErrorCode::RedirectLoop,
            Code::Cancelled => ErrorCode::Cancelled,
            Code::AlreadySubscribed => ErrorCode::AlreadySubscribed,
            Code::ForeignLibrary => ErrorCode::ForeignLibrary,
            Code::NewerLibrary => ErrorCode::NewerLibrary,
            Code::ReadOnly => ErrorCode::ReadOnly,
            Code::DiskFull => ErrorCode::DiskFull,
            Code::Filtered => ErrorCode::Filtered,
            Code::ProxyUnreachable => ErrorCode::ProxyUnreachable,
            Code::ProxyAuth => ErrorCode::ProxyAuth,
            Code::AccountAuth => ErrorCode::AccountAuth,
            Code::AccountAnswer => ErrorCode::AccountAnswer,
            Code::AccountUnsupported => ErrorCode::AccountUnsupported,
            Code::NoCredentialStore => ErrorCode::NoCredentialStore,
        }
    }
}

impl ErrorCode {
    /// The id of the localized message for this code (`error-not-a-feed`).
    pub fn message_id(self) -> String {
        let name: &'static str = self.into();
        format!("error-{name}")
    }
}

impl CommandError {
    pub fn new(code: impl Into<ErrorCode>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
        }
    }
}

impl From<LibraryError> for CommandError {
    fn from(error: LibraryError) -> Self {
        Self::new(error.code(), error.to_string())
    }
}

impl From<IngestError> for CommandError {
    fn from(error: IngestError) -> Self {
        Self::new(error.code(), error.to_string())
    }
}

impl From<tauri_plugin_store::Error> for CommandError {
    fn from(error: tauri_plugin_store::Error) -> Self {
        Self::new(ErrorCode::Settings, error.to_string())
    }
}

/// A text's writing direction, detected from its content.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Rtl,
    Ltr,
}

impl From<barg_core::Direction> for Direction {
    fn from(dir: barg_core::Direction) -> Self {
        match dir {
            barg_core::Direction::Rtl => Direction::Rtl,
            barg_core::Direction::Ltr => Direction::Ltr,
        }
    }
}

/// Where a source's articles come from.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Sample,
    File,
    Web,
    Feed,
}

impl From<barg_core::SourceKind> for SourceKind {
    fn from(kind: barg_core::SourceKind) -> Self {
        match kind {
            barg_core::SourceKind::Sample => SourceKind::Sample,
            barg_core::SourceKind::File => SourceKind::File,
            barg_core::SourceKind::Web => SourceKind::Web,
            barg_core::SourceKind::Feed => SourceKind::Feed,
        }
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleFilter {
    #[serde(default)]
    pub bookmarked_only: bool,
    #[serde(default)]
    pub unread_only: bool,
    /// Only this source's articles; null for every source.
    #[serde(default)]
    pub source_id: Option<i64>,
    /// Only bookmarks with this tag (with `bookmarkedOnly`); null for any.
    #[serde(default)]
    pub tag: Option<String>,
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
}

impl From<ArticleFilter> for barg_core::ArticleFilter {
    fn from(f: ArticleFilter) -> Self {
        barg_core::ArticleFilter {
            bookmarked_only: f.bookmarked_only,
            unread_only: f.unread_only,
            source_id: f.source_id,
            tag: f.tag,
            limit: f.limit,
            offset: f.offset,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleSummary {
    pub id: i64,
    pub title: String,
    pub title_dir: Direction,
    pub source_title: String,
    /// The direction the source's name reads in ("Blogs on امیررضا قادری" is ltr).
    pub source_title_dir: Direction,
    /// Unix seconds.
    pub published_at: Option<i64>,
    /// Unix seconds.
    pub fetched_at: i64,
    /// The first line of the text.
    pub snippet: String,
    pub snippet_dir: Direction,
    pub bookmarked: bool,
    pub bookmarked_at: Option<i64>,
    pub source_id: i64,
    pub read: bool,
    /// Only its feed's summary is stored: its page is still to be had.
    pub summary_only: bool,
}

impl From<barg_core::ArticleSummary> for ArticleSummary {
    fn from(a: barg_core::ArticleSummary) -> Self {
        Self {
            id: a.id,
            title: a.title,
            title_dir: a.title_dir.into(),
            source_title_dir: a.source_title_dir.into(),
            source_title: a.source_title,
            published_at: a.published_at,
            fetched_at: a.fetched_at,
            snippet: a.snippet,
            snippet_dir: a.snippet_dir.into(),
            bookmarked: a.bookmarked_at.is_some(),
            bookmarked_at: a.bookmarked_at,
            source_id: a.source_id,
            read: a.read,
            summary_only: a.summary_only,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    #[serde(flatten)]
    pub summary: ArticleSummary,
    pub url: Option<String>,
    pub author: Option<String>,
    /// Sanitized in Rust: `<p dir="auto">` paragraphs, `<bdi>` around Latin runs.
    pub body_html: String,
    pub dir: Direction,
    pub lang: Option<String>,
    /// How far the reader got, 0 (top) to 1 (end).
    pub reading_position: f64,
    /// Estimated reading time.
    pub reading_minutes: u32,
    /// The bookmark's tags; empty when not bookmarked.
    pub tags: Vec<String>,
    /// The bookmark's note; null when there is none.
    pub note: Option<String>,
    /// Images in the text that are not in the offline cache (the reader
    /// offers to fetch them).
    pub images_missing: u32,
}

impl From<barg_core::Article> for Article {
    fn from(a: barg_core::Article) -> Self {
        Self {
            reading_minutes: a.reading_minutes(),
            reading_position: a.reading_position,
            tags: a.tags,
            note: a.note,
            summary: a.summary.into(),
            url: a.url,
            author: a.author,
            body_html: a.body_html,
            dir: a.dir.into(),
            lang: a.language,
            images_missing: 0,
        }
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchQuery {
    pub text: String,
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
    #[serde(default)]
    pub source_id: Option<i64>,
    #[serde(default)]
    pub bookmarked_only: bool,
    #[serde(default)]
    pub unread_only: bool,
    /// Unix seconds, inclusive.
    #[serde(default)]
    pub from: Option<i64>,
    /// Unix seconds, inclusive.
    #[serde(default)]
    pub to: Option<i64>,
}

impl From<SearchQuery> for barg_core::SearchQuery {
    fn from(q: SearchQuery) -> Self {
        barg_core::SearchQuery {
            text: q.text,
            limit: q.limit,
            offset: q.offset,
            source_id: q.source_id,
            bookmarked_only: q.bookmarked_only,
            unread_only: q.unread_only,
            from: q.from,
            to: q.to,
        }
    }
}

/// A piece of the original text; `hit` when it matched the query.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TextPart {
    pub text: String,
    pub hit: bool,
}

impl From<barg_core::TextPart> for TextPart {
    fn from(p: barg_core::TextPart) -> Self {
        Self {
            text: p.text,
            hit: p.hit,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub article: ArticleSummary,
    pub title_parts: Vec<TextPart>,
    pub snippet_parts: Vec<TextPart>,
    pub score: f64,
}

impl From<barg_core::SearchHit> for SearchHit {
    fn from(h: barg_core::SearchHit) -> Self {
        Self {
            article: h.article.into(),
            title_parts: h.title_parts.into_iter().map(Into::into).collect(),
            snippet_parts: h.snippet_parts.into_iter().map(Into::into).collect(),
            score: h.score,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SearchResult {
    pub hits: Vec<SearchHit>,
    /// How many articles match, counted up to `SEARCH_TOTAL_CAP`.
    pub total: u32,
}

impl From<barg_core::SearchResult> for SearchResult {
    fn from(r: barg_core::SearchResult) -> Self {
        Self {
            hits: r.hits.into_iter().map(Into::into).collect(),
            total: r.total,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub id: i64,
    pub title: String,
    pub kind: SourceKind,
    pub article_count: i64,
    pub unread_count: i64,
    /// A feed's own address; null for other kinds.
    pub url: Option<String>,
    /// The web site the feed belongs to.
    pub site_url: Option<String>,
    /// The folder the feed is filed in; null for none.
    pub folder: Option<String>,
    /// Unix seconds of the last fetch that worked.
    pub last_success_at: Option<i64>,
    /// Why the last fetch failed; null when it worked.
    pub last_error_code: Option<ErrorCode>,
    /// Fetch each article's page for its full text (feeds that send summaries).
    pub fetch_full_text: bool,
    /// A feed's own route; null: the network settings' default.
    pub route: Option<Route>,
    /// The way its last successful fetch went.
    pub route_worked: Option<Way>,
    /// Subscribed while its address could not be reached: the first sync
    /// that reaches it fetches it.
    pub pending: bool,
    /// Which of its articles' images a sync downloads.
    pub images: ImagePolicy,
    /// The sync account it belongs to; null: Barg's own subscription.
    pub account_id: Option<i64>,
    /// The direction its name reads in ("Blogs on امیررضا قادری" is ltr).
    pub title_dir: Direction,
}

impl From<barg_core::Source> for Source {
    fn from(s: barg_core::Source) -> Self {
        Self {
            id: s.id,
            title_dir: s.title_dir.into(),
            title: s.title,
            kind: s.kind.into(),
            article_count: s.article_count,
            unread_count: s.unread_count,
            url: s.url,
            site_url: s.site_url,
            folder: s.folder,
            last_success_at: s.last_success_at,
            last_error_code: s.last_error_code.map(ErrorCode::from),
            fetch_full_text: s.fetch_full_text,
            route: s.route.map(Route::from),
            route_worked: s.route_worked.map(Way::from),
            pending: s.pending,
            images: s.images.into(),
            account_id: s.account_id,
        }
    }
}

/// Streamed to the UI while files import.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    pub files_done: u32,
    pub files_total: u32,
    pub added: u64,
    pub duplicates: u64,
    pub failed: u32,
    pub current_file: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportFailure {
    pub path: String,
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct ImportReport {
    pub added: u64,
    pub duplicates: u64,
    pub failed: Vec<ImportFailure>,
}

impl From<barg_core::ops::ImportReport> for ImportReport {
    fn from(report: barg_core::ops::ImportReport) -> Self {
        Self {
            added: report.added,
            duplicates: report.duplicates,
            failed: report
                .failed
                .into_iter()
                .map(|f| ImportFailure {
                    path: f.path.display().to_string(),
                    code: f.code.into(),
                    message: f.message,
                })
                .collect(),
        }
    }
}

/// An export's format; the command line takes the same names.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, TS, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Json,
    Html,
    Md,
}

impl From<ExportFormat> for barg_core::export::ExportFormat {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Json => barg_core::export::ExportFormat::Json,
            ExportFormat::Html => barg_core::export::ExportFormat::Html,
            ExportFormat::Md => barg_core::export::ExportFormat::Markdown,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportReport {
    pub articles: u64,
    pub bookmarks: u64,
    pub path: String,
}

impl From<barg_core::feeds::subscribe::AddError> for CommandError {
    fn from(error: barg_core::feeds::subscribe::AddError) -> Self {
        Self::new(error.code(), error.to_string())
    }
}

impl From<barg_core::feeds::pages::PageError> for CommandError {
    fn from(error: barg_core::feeds::pages::PageError) -> Self {
        Self::new(error.code(), error.to_string())
    }
}

impl From<barg_core::accounts::AccountError> for CommandError {
    fn from(error: barg_core::accounts::AccountError) -> Self {
        Self::new(error.code(), error.to_string())
    }
}

impl From<barg_core::feeds::fetch::FetchError> for CommandError {
    fn from(error: barg_core::feeds::fetch::FetchError) -> Self {
        Self::new(error.code(), error.to_string())
    }
}

impl From<barg_core::feeds::opml::OpmlError> for CommandError {
    fn from(error: barg_core::feeds::opml::OpmlError) -> Self {
        Self::new(error.code(), error.to_string())
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct OpmlImportReport {
    /// Feeds subscribed to.
    pub added: u64,
    /// Feeds that were already subscribed to.
    pub existing: u64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct OpmlExportReport {
    pub feeds: usize,
    pub path: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SavedPage {
    pub id: i64,
}

/// A feed offered on a first start.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DefaultFeed {
    pub title: String,
    pub url: String,
    pub lang: String,
}

/// A bookmark tag and how many bookmarks have it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TagCount {
    pub tag: String,
    pub count: i64,
}

/// What the UI must tell the user at start: the library could not be opened
/// (recovery), and/or damaged settings were reset to the defaults.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StartupState {
    pub library_problem: Option<CommandError>,
    /// The unreadable library file, kept as it was.
    pub library_path: Option<String>,
    /// The library opened read-only (its drive or folder cannot be written).
    pub library_read_only: bool,
    /// The library's disk is full (a writable library): the full-disk
    /// notice shows from the start.
    pub disk_full: bool,
    pub settings_reset: bool,
}
