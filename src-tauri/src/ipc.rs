//! The wire types: what crosses IPC as JSON, converted from barg-core's plain
//! types. Only this crate knows JSON; the UI's twin of each type is in
//! `ui/src/lib/backend.ts`.

use barg_core::{Article, ArticleFilter, ArticleSummary, LibraryError};
use serde::{Deserialize, Serialize};

/// An error as the UI sees it: a stable `code` that picks the localized text
/// (`error-<code>` in `locales/*/app.ftl`), and a developer-facing message.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    NotFound,
    Database,
    InvalidInput,
    Settings,
    Io,
    Internal,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 6] = [
        ErrorCode::NotFound,
        ErrorCode::Database,
        ErrorCode::InvalidInput,
        ErrorCode::Settings,
        ErrorCode::Io,
        ErrorCode::Internal,
    ];

    /// The id of the localized message for this code.
    pub fn message_id(self) -> String {
        let code = serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        format!("error-{code}")
    }
}

impl CommandError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl From<LibraryError> for CommandError {
    fn from(error: LibraryError) -> Self {
        let code = match &error {
            LibraryError::ArticleNotFound(_) => ErrorCode::NotFound,
            LibraryError::ForeignDatabase { .. }
            | LibraryError::NewerSchema { .. }
            | LibraryError::Database(_)
            | LibraryError::Migration(_) => ErrorCode::Database,
            LibraryError::Io(_) => ErrorCode::Io,
        };
        Self::new(code, error.to_string())
    }
}

impl From<tauri_plugin_store::Error> for CommandError {
    fn from(error: tauri_plugin_store::Error) -> Self {
        Self::new(ErrorCode::Settings, error.to_string())
    }
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleFilterDto {
    #[serde(default)]
    pub bookmarked_only: bool,
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
}

impl From<ArticleFilterDto> for ArticleFilter {
    fn from(dto: ArticleFilterDto) -> Self {
        ArticleFilter {
            bookmarked_only: dto.bookmarked_only,
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
}

impl From<Article> for ArticleDto {
    fn from(a: Article) -> Self {
        Self {
            summary: a.summary.into(),
            url: a.url,
            author: a.author,
            body_html: a.body_html,
            dir: a.dir.as_str(),
            lang: a.language,
        }
    }
}
