//! The wire types: what crosses IPC as JSON, converted from barg-core's plain
//! types. Only this crate knows JSON; the UI's twin of each type is in
//! `ui/src/lib/backend.ts`.

use barg_core::ingest::IngestError;
use barg_core::{
    Article, ArticleFilter, ArticleSummary, Code, LibraryError, SearchHit, SearchQuery,
    SearchResult, Source, TextPart,
};
use serde::{Deserialize, Serialize};

/// An error as the UI sees it: a stable `code` that picks the localized text
/// (`error-<code>` in `locales/*/app.ftl`), and a developer-facing message.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

/// The codes the UI tells apart: every [`Code`] of barg-core, plus the
/// one only this edge has (`settings`, the settings store).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, strum::EnumIter, strum::IntoStaticStr)]
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
    RedirectLoop,
    Cancelled,
    AlreadySubscribed,
    ForeignLibrary,
    NewerLibrary,
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
            Code::RedirectLoop => ErrorCode::RedirectLoop,
            Code::Cancelled => ErrorCode::Cancelled,
            Code::AlreadySubscribed => ErrorCode::AlreadySubscribed,
            Code::ForeignLibrary => ErrorCode::ForeignLibrary,
            Code::NewerLibrary => ErrorCode::NewerLibrary,
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

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleFilterDto {
    #[serde(default)]
    pub bookmarked_only: bool,
    #[serde(default)]
    pub unread_only: bool,
    #[serde(default)]
    pub source_id: Option<i64>,
    #[serde(default)]
    pub tag: Option<String>,
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
}

impl From<ArticleFilterDto> for ArticleFilter {
    fn from(dto: ArticleFilterDto) -> Self {
        ArticleFilter {
            bookmarked_only: dto.bookmarked_only,
            unread_only: dto.unread_only,
            source_id: dto.source_id,
            tag: dto.tag,
            limit: dto.limit,
            offset: dto.offset,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleSummaryDto {
    pub id: i64,
    pub title: String,
    pub title_dir: &'static str,
    pub source_title: String,
    pub published_at: Option<i64>,
    pub fetched_at: i64,
    pub snippet: String,
    pub snippet_dir: &'static str,
    pub bookmarked: bool,
    pub bookmarked_at: Option<i64>,
    pub source_id: i64,
    pub read: bool,
}

impl From<ArticleSummary> for ArticleSummaryDto {
    fn from(a: ArticleSummary) -> Self {
        Self {
            id: a.id,
            title: a.title,
            title_dir: a.title_dir.as_str(),
            source_title: a.source_title,
            published_at: a.published_at,
            fetched_at: a.fetched_at,
            snippet: a.snippet,
            snippet_dir: a.snippet_dir.as_str(),
            bookmarked: a.bookmarked_at.is_some(),
            bookmarked_at: a.bookmarked_at,
            source_id: a.source_id,
            read: a.read,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleDto {
    #[serde(flatten)]
    pub summary: ArticleSummaryDto,
    pub url: Option<String>,
    pub author: Option<String>,
    pub body_html: String,
    pub dir: &'static str,
    pub lang: Option<String>,
    pub reading_position: f64,
    pub reading_minutes: u32,
    pub tags: Vec<String>,
    pub note: Option<String>,
}

impl From<Article> for ArticleDto {
    fn from(a: Article) -> Self {
        Self {
            reading_minutes: a.reading_minutes(),
            reading_position: a.reading_position,
            tags: a.tags,
            note: a.note,
            summary: a.summary.into(),
            url: a.url,
            author: a.author,
            body_html: a.body_html,
            dir: a.dir.as_str(),
            lang: a.language,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchQueryDto {
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
    #[serde(default)]
    pub from: Option<i64>,
    #[serde(default)]
    pub to: Option<i64>,
}

impl From<SearchQueryDto> for SearchQuery {
    fn from(q: SearchQueryDto) -> Self {
        SearchQuery {
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

#[derive(Debug, Clone, Serialize)]
pub struct TextPartDto {
    pub text: String,
    pub hit: bool,
}

impl From<TextPart> for TextPartDto {
    fn from(p: TextPart) -> Self {
        Self {
            text: p.text,
            hit: p.hit,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHitDto {
    pub article: ArticleSummaryDto,
    pub title_parts: Vec<TextPartDto>,
    pub snippet_parts: Vec<TextPartDto>,
    pub score: f64,
}

impl From<SearchHit> for SearchHitDto {
    fn from(h: SearchHit) -> Self {
        Self {
            article: h.article.into(),
            title_parts: h.title_parts.into_iter().map(Into::into).collect(),
            snippet_parts: h.snippet_parts.into_iter().map(Into::into).collect(),
            score: h.score,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchResultDto {
    pub hits: Vec<SearchHitDto>,
    pub total: u32,
}

impl From<SearchResult> for SearchResultDto {
    fn from(r: SearchResult) -> Self {
        Self {
            hits: r.hits.into_iter().map(Into::into).collect(),
            total: r.total,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceDto {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub article_count: i64,
    pub unread_count: i64,
    pub url: Option<String>,
    pub site_url: Option<String>,
    pub folder: Option<String>,
    pub last_success_at: Option<i64>,
    pub last_error_code: Option<ErrorCode>,
    pub fetch_full_text: bool,
}

impl From<Source> for SourceDto {
    fn from(s: Source) -> Self {
        Self {
            id: s.id,
            title: s.title,
            kind: s.kind.as_str().to_owned(),
            article_count: s.article_count,
            unread_count: s.unread_count,
            url: s.url,
            site_url: s.site_url,
            folder: s.folder,
            last_success_at: s.last_success_at,
            last_error_code: s.last_error_code.map(ErrorCode::from),
            fetch_full_text: s.fetch_full_text,
        }
    }
}

/// Streamed to the UI while files import.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    pub files_done: u32,
    pub files_total: u32,
    pub added: u64,
    pub duplicates: u64,
    pub failed: u32,
    pub current_file: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImportFailure {
    pub path: String,
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub added: u64,
    pub duplicates: u64,
    pub failed: Vec<ImportFailure>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormatDto {
    Json,
    Html,
    Md,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportReport {
    pub articles: u64,
    pub bookmarks: u64,
    pub path: String,
}

impl From<barg_core::feeds::sync::AddError> for CommandError {
    fn from(error: barg_core::feeds::sync::AddError) -> Self {
        Self::new(error.code(), error.to_string())
    }
}

impl From<barg_core::feeds::opml::OpmlError> for CommandError {
    fn from(error: barg_core::feeds::opml::OpmlError) -> Self {
        Self::new(error.code(), error.to_string())
    }
}

/// Streamed to the UI while feeds sync.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncProgressDto {
    pub feeds_done: u32,
    pub feeds_total: u32,
    pub added: u64,
    pub updated: u64,
    pub failed: u32,
    pub current_feed: String,
}

impl From<&barg_core::feeds::sync::SyncProgress> for SyncProgressDto {
    fn from(p: &barg_core::feeds::sync::SyncProgress) -> Self {
        Self {
            feeds_done: p.feeds_done,
            feeds_total: p.feeds_total,
            added: p.added,
            updated: p.updated,
            failed: p.failed,
            current_feed: p.current_feed.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FeedFailureDto {
    pub source_id: i64,
    pub title: String,
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncReportDto {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub failed: Vec<FeedFailureDto>,
}

impl From<barg_core::feeds::sync::SyncReport> for SyncReportDto {
    fn from(r: barg_core::feeds::sync::SyncReport) -> Self {
        Self {
            added: r.added,
            updated: r.updated,
            unchanged: r.unchanged,
            failed: r
                .failed
                .into_iter()
                .map(|f| FeedFailureDto {
                    source_id: f.source_id,
                    title: f.title,
                    code: f.code.into(),
                    message: f.message,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct OpmlImportReport {
    pub added: u64,
    pub existing: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct OpmlExportReport {
    pub feeds: usize,
    pub path: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SavedPage {
    pub id: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct DefaultFeed {
    pub title: &'static str,
    pub url: &'static str,
    pub lang: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct TagCount {
    pub tag: String,
    pub count: i64,
}
