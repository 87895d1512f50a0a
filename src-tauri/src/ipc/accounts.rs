//! The wire types of sync accounts.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use barg_core::accounts as core;

use super::ErrorCode;

/// The API an account's server speaks.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(rename_all = "lowercase")]
pub enum AccountKind {
    /// The Google Reader API (FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux).
    Greader,
    Fever,
}

impl From<core::AccountKind> for AccountKind {
    fn from(kind: core::AccountKind) -> Self {
        match kind {
            core::AccountKind::GReader => AccountKind::Greader,
            core::AccountKind::Fever => AccountKind::Fever,
        }
    }
}

impl From<AccountKind> for core::AccountKind {
    fn from(kind: AccountKind) -> Self {
        match kind {
            AccountKind::Greader => core::AccountKind::GReader,
            AccountKind::Fever => core::AccountKind::Fever,
        }
    }
}

/// A sync account as Settings, Accounts lists it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub id: i64,
    pub kind: AccountKind,
    pub url: String,
    pub user: String,
    /// Unix seconds.
    pub last_sync_at: Option<i64>,
    pub last_success_at: Option<i64>,
    /// Why the last sync failed, if it did.
    pub last_error_code: Option<ErrorCode>,
    pub sources: i64,
    /// Changes made in Barg that wait for the next sync.
    pub pending_changes: i64,
}

impl From<core::Account> for Account {
    fn from(a: core::Account) -> Self {
        Self {
            id: a.id,
            kind: a.kind.into(),
            url: a.url,
            user: a.user,
            last_sync_at: a.last_sync_at,
            last_success_at: a.last_success_at,
            last_error_code: a.last_error_code.map(ErrorCode::from),
            sources: a.sources,
            pending_changes: a.pending_changes,
        }
    }
}

/// What one account's sync did, or why it failed.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AccountSyncResult {
    pub account_id: i64,
    pub added: u64,
    /// Changes made in Barg that the server took.
    pub sent: u64,
    pub error: Option<super::CommandError>,
}

impl From<core::AccountOutcome> for AccountSyncResult {
    fn from(outcome: core::AccountOutcome) -> Self {
        let (added, sent, error) = match outcome.result {
            Ok(report) => (report.added, report.sent, None),
            Err(error) => (0, 0, Some(error.into())),
        };
        Self {
            account_id: outcome.account.id,
            added,
            sent,
            error,
        }
    }
}

/// An account just added, and where its password is kept.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddedAccount {
    pub id: i64,
    pub kept: super::PasswordKept,
}
