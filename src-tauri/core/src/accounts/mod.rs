//! Sync accounts: a feed server (FreshRSS, Miniflux, Inoreader… through
//! the Google Reader API) whose subscriptions and items join the one
//! library. An account's subscriptions are feed sources with the account's
//! id; its items are their articles, stored, folded and indexed like any
//! other. A change made in Barg to one of them is queued in the library by
//! triggers (`migrations/0007_accounts.sql`), in the same transaction as
//! the change, and sent on the next sync: it survives going offline and
//! the app being killed. The password is never here: the edges keep it in
//! the OS credential store and hand it to [`sync_account`].

mod client;
pub mod fever;
pub mod greader;
mod library;
pub mod remote;
mod sync;

pub use library::{Account, AccountKind, Change};
pub use sync::{
    check_login, subscribe, sync_account, sync_accounts, AccountOutcome, AccountSyncOptions,
    AccountSyncReport,
};

use crate::feeds::fetch::FetchError;
use crate::{Code, LibraryError};

/// Why an account's sync or change failed.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("the server refused the user name or password")]
    Auth,
    #[error("the server's answer is not its API's: {0}")]
    Answer(String),
    #[error("the server refused: {0}")]
    Refused(String),
    #[error("this kind of account cannot do that")]
    Unsupported,
    #[error("no password is kept for this account")]
    NoPassword,
    #[error("no credential store is available: {0}")]
    NoStore(String),
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    Library(#[from] LibraryError),
}

impl AccountError {
    pub fn code(&self) -> Code {
        match self {
            AccountError::Auth => Code::AccountAuth,
            AccountError::Answer(_) => Code::AccountAnswer,
            AccountError::Refused(_) => Code::NotAFeed,
            AccountError::Unsupported => Code::AccountUnsupported,
            AccountError::NoPassword => Code::AccountAuth,
            AccountError::NoStore(_) => Code::NoCredentialStore,
            AccountError::Fetch(error) => match error {
                // A page where the API should be (a wrong address) or a
                // server that does not know the call.
                FetchError::HttpStatus(404 | 405) => Code::AccountAnswer,
                other => other.code(),
            },
            AccountError::Library(error) => error.code(),
        }
    }
}

/// The name an account's password is filed under in the credential store.
pub fn credential_name(kind: AccountKind, url: &str, user: &str) -> String {
    format!("account {} {user} at {url}", kind.as_str())
}

/// The account's password from the OS credential store.
pub fn stored_password(account: &Account) -> Result<String, AccountError> {
    let name = credential_name(account.kind, &account.url, &account.user);
    match crate::credentials::load(&name) {
        Ok(Some(password)) => Ok(password),
        Ok(None) => Err(AccountError::NoPassword),
        Err(crate::credentials::CredentialError::NoStore(why)) => Err(AccountError::NoStore(why)),
        Err(crate::credentials::CredentialError::Failed(why)) => Err(AccountError::NoStore(why)),
    }
}
