//! barg-core: Barg's library, with no knowledge of Tauri, IPC or JSON.
//!
//! [`Library`] owns the SQLite database: one writer connection and a small pool
//! of read-only connections, so reads never wait behind a write (WAL).
//! [`ArticleSummary`] and [`Article`] are what the list and the reader show;
//! [`ingest::plain_text`] turns scraped text into articles; [`sample`] fills a
//! new library with the bundled articles; [`text`] holds the script-aware text
//! functions (direction detection, text to safe HTML); [`persian`] folds
//! text for search and converts Jalali dates; [`search`] is full-text search.
//!
//! Time is always passed in (`now`, Unix seconds); nothing here reads the clock.

pub mod accounts;
pub mod articles;
pub mod backup;
pub mod bookmarks;
pub mod credentials;
mod db;
mod error;
pub mod export;
pub mod feeds;
pub mod fs;
#[doc(hidden)]
pub mod fuzzing;
mod index;
pub mod ingest;
pub mod network;
pub mod ops;
pub mod persian;
pub mod sample;
pub mod search;
pub mod store;
pub mod text;

pub use articles::{
    Article, ArticleFilter, ArticleSummary, InsertOutcome, NewArticle, Source, SourceKind,
    WellKnownSource,
};
pub use db::{Library, SCHEMA_VERSION};
pub use error::{Code, LibraryError};
pub use search::{SearchHit, SearchQuery, SearchResult, TextPart};
pub use text::{title_direction, Direction};

/// Unix time in seconds, UTC.
pub type Timestamp = i64;
