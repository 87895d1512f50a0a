//! Secrets in the operating system's credential store: the Secret Service
//! on Linux (GNOME Keyring, KWallet), the Keychain on macOS, the Credential
//! Manager on Windows. Today a proxy's password; the sync accounts' next.
//! A secret is never written to the settings, the library or a log.

/// The service name secrets are filed under.
const SERVICE: &str = "Barg";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CredentialError {
    /// No store answers here (no Secret Service on this desktop, a locked
    /// keychain that refuses): Barg keeps no password.
    #[error("no credential store is available: {0}")]
    NoStore(String),
    #[error("the credential store failed: {0}")]
    Failed(String),
}

/// The account a proxy's password is filed under (the address without the
/// password, and the user).
pub fn proxy_account(url: &str, user: &str) -> String {
    format!("proxy {user} at {url}")
}

fn entry(account: &str) -> Result<keyring::Entry, CredentialError> {
    keyring::Entry::new(SERVICE, account).map_err(into_error)
}

fn into_error(error: keyring::Error) -> CredentialError {
    match error {
        keyring::Error::PlatformFailure(cause) | keyring::Error::NoStorageAccess(cause) => {
            CredentialError::NoStore(cause.to_string())
        }
        other => CredentialError::Failed(other.to_string()),
    }
}

/// Files `secret` under `account`, replacing what was there.
pub fn store(account: &str, secret: &str) -> Result<(), CredentialError> {
    entry(account)?.set_password(secret).map_err(into_error)
}

/// The secret filed under `account`, if any.
pub fn load(account: &str) -> Result<Option<String>, CredentialError> {
    match entry(account)?.get_password() {
        Ok(secret) => Ok(Some(secret)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(error) => Err(into_error(error)),
    }
}

/// Removes the secret filed under `account` (nothing to remove is fine).
pub fn forget(account: &str) -> Result<(), CredentialError> {
    match entry(account)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(error) => Err(into_error(error)),
    }
}
