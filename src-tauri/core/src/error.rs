use std::path::PathBuf;

/// Everything that can go wrong when using a library.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("article {0} is not in the library")]
    ArticleNotFound(i64),
    #[error("source {0} is not in the library")]
    SourceNotFound(i64),
    #[error("already subscribed (source {0})")]
    AlreadySubscribed(i64),
    #[error("{path} is not a Barg library; it was left untouched")]
    ForeignDatabase { path: PathBuf },
    #[error("{path} was written by a newer Barg (schema {found}, this one knows {known}); it was left untouched")]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("schema migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}
