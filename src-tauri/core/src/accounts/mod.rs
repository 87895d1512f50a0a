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

use crate::credentials::CredentialError;
use crate::feeds::fetch::{FetchError, Fetcher};
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

/// How many of the newest items a first sync takes, unless told otherwise.
pub const FIRST_ITEMS: u32 = 1_000;

/// A new account, as the user gives it.
pub struct NewAccount<'a> {
    pub kind: AccountKind,
    /// The API's address, as typed.
    pub url: &'a str,
    pub user: &'a str,
    pub password: &'a str,
    /// How many of the newest items the first sync takes.
    pub first_items: u32,
}

/// Adds an account, as both edges do: the address normalized and the user
/// trimmed, the login checked (a wrong address, user or password is
/// refused here, and nothing is added), the account stored, then its
/// password kept in the OS credential store. Returns the account's id and
/// whether the store kept the password (the edges decide what to do
/// without one).
pub async fn add(
    library: &std::sync::Arc<crate::Library>,
    fetcher: &Fetcher,
    new: NewAccount<'_>,
    now: crate::Timestamp,
    cancel: &crate::feeds::Cancel,
) -> Result<(i64, Result<(), CredentialError>), AccountError> {
    let url = crate::feeds::normalize_url(new.url)?;
    let user = new.user.trim().to_owned();
    check_login(fetcher, new.kind, &url, &user, new.password, cancel).await?;
    let (kind, first_items) = (new.kind, new.first_items);
    let id = {
        let (library, url, user) = (std::sync::Arc::clone(library), url.clone(), user.clone());
        crate::feeds::blocking(move || library.add_account(kind, &url, &user, first_items, now))
            .await?
    };
    let password = new.password.to_owned();
    let kept = tokio::task::spawn_blocking(move || keep_password(kind, &url, &user, &password))
        .await
        .map_err(|e| LibraryError::Internal(e.to_string()))?;
    Ok((id, kept))
}

/// The name an account's password is filed under in the credential store.
fn credential_name(kind: AccountKind, url: &str, user: &str) -> String {
    format!("account {} {user} at {url}", kind.as_str())
}

/// Keeps an account's password in the OS credential store (blocking: the
/// store is another process).
pub fn keep_password(
    kind: AccountKind,
    url: &str,
    user: &str,
    password: &str,
) -> Result<(), CredentialError> {
    crate::credentials::store(&credential_name(kind, url, user), password)
}

/// Forgets a removed account's password (nothing kept is fine).
pub fn forget_password(account: &Account) {
    let name = credential_name(account.kind, &account.url, &account.user);
    let _ = crate::credentials::forget(&name);
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
