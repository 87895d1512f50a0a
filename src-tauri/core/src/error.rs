//! What can go wrong, and the stable [`Code`] each failure is known by.

use std::path::PathBuf;

/// A failure's stable name: the edges turn it into what they show (the
/// window's localized `error-<code>` text, the command line's message).
/// Only a code some consumer tells apart belongs here. Its text form
/// (`as_ref()`, `parse()`) is kebab-case (`not-a-feed`); the list of every
/// code is `Code::iter()`, derived, never kept by hand.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::EnumIter,
    strum::EnumString,
    strum::AsRefStr,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "kebab-case")]
pub enum Code {
    NotFound,
    Database,
    InvalidInput,
    Io,
    UnsupportedFormat,
    TooLarge,
    Internal,
    Network,
    Timeout,
    HttpStatus,
    NotAFeed,
    /// Outside data a parser could not read (it failed unexpectedly on it).
    Parse,
    RedirectLoop,
    Cancelled,
    AlreadySubscribed,
    ForeignLibrary,
    NewerLibrary,
    /// The library's file or folder cannot be written (a read-only mount,
    /// a backup drive): reading works, changes are refused.
    ReadOnly,
    /// The disk is full: nothing was lost, the change was not made.
    DiskFull,
    /// The network's filter answered instead of the server (its block
    /// page, its DNS address, a reset during the TLS handshake).
    Filtered,
    /// The proxy cannot be reached (not running, wrong address).
    ProxyUnreachable,
    /// The proxy refused the user name or password.
    ProxyAuth,
    /// A sync server refused the account's user name or password.
    AccountAuth,
    /// A sync server's answer is not its API's (an HTML page, cut-off or
    /// malformed JSON): the address is wrong or the server is broken.
    AccountAnswer,
    /// The account's kind of server cannot make this change (Fever cannot
    /// subscribe, move or rename).
    AccountUnsupported,
    /// No OS credential store answers, so an account's password cannot
    /// be kept.
    NoCredentialStore,
}

impl Code {
    /// The kebab-case name (`not-a-feed`), as stored and shown.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The code stored under this name; a name no code has (written by a
    /// later Barg, or damaged) is `internal`.
    pub fn from_stored(name: &str) -> Code {
        name.parse().unwrap_or(Code::Internal)
    }
}

/// Everything that can go wrong when using a library.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("article {0} is not in the library")]
    ArticleNotFound(i64),
    #[error("source {0} is not in the library")]
    SourceNotFound(i64),
    #[error("account {0} is not in the library")]
    AccountNotFound(i64),
    #[error(
        "a Fever account's subscriptions cannot be changed from Barg: change them on the server"
    )]
    AccountUnsupported,
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
    #[error("{path} cannot be written, and this Barg needs to update its format (schema {found} to {known}) before it can read it; it was left untouched")]
    ReadOnlyNeedsUpdate {
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
    /// A task that panicked or was dropped: a bug, reported, never hidden.
    #[error("internal error: {0}")]
    Internal(String),
}

impl LibraryError {
    pub fn code(&self) -> Code {
        match self {
            LibraryError::ArticleNotFound(_)
            | LibraryError::SourceNotFound(_)
            | LibraryError::AccountNotFound(_) => Code::NotFound,
            LibraryError::AlreadySubscribed(_) => Code::AlreadySubscribed,
            LibraryError::AccountUnsupported => Code::AccountUnsupported,
            LibraryError::ForeignDatabase { .. } => Code::ForeignLibrary,
            LibraryError::NewerSchema { .. } => Code::NewerLibrary,
            LibraryError::ReadOnlyNeedsUpdate { .. } => Code::ReadOnly,
            LibraryError::Database(error) => match error.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ReadOnly) => Code::ReadOnly,
                Some(rusqlite::ErrorCode::DiskFull) => Code::DiskFull,
                _ => Code::Database,
            },
            LibraryError::Migration(_) => Code::Database,
            LibraryError::Io(error) => match error.kind() {
                // A user's quota is full in the same way, with the same
                // remedy. (SQLite reports a quota met while writing its
                // files as a plain I/O error: `database`.)
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                    Code::DiskFull
                }
                std::io::ErrorKind::ReadOnlyFilesystem => Code::ReadOnly,
                _ => Code::Io,
            },
            LibraryError::Internal(_) => Code::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    #[test]
    fn a_full_disk_or_quota_from_the_system_is_disk_full() {
        // The system's own error numbers (Linux: ENOSPC 28, EDQUOT 122;
        // EROFS 30), as a file write returns them.
        let from_errno = |errno| LibraryError::Io(std::io::Error::from_raw_os_error(errno)).code();
        if cfg!(target_os = "linux") {
            assert_eq!(
                from_errno(28),
                Code::DiskFull,
                "no space left on the device"
            );
            assert_eq!(
                from_errno(122),
                Code::DiskFull,
                "the user's quota is used up"
            );
            assert_eq!(from_errno(30), Code::ReadOnly, "a read-only filesystem");
        }
    }

    #[test]
    fn every_code_reads_back_from_its_stored_name() {
        for code in Code::iter() {
            assert_eq!(
                Code::from_stored(code.as_str()),
                code,
                "a stored code must come back as itself"
            );
        }
        assert_eq!(
            Code::NotAFeed.as_str(),
            "not-a-feed",
            "names are kebab-case"
        );
        assert_eq!(
            Code::from_stored("written-by-a-later-barg"),
            Code::Internal,
            "an unknown stored name is an internal failure, not a panic"
        );
    }
}
