//! The commands of Settings, Accounts: sync accounts added, listed,
//! removed, subscribed to and synced.

use std::sync::Arc;

use barg_core::accounts::{self, AccountSyncOptions};
use barg_core::credentials::CredentialError;
use tauri::State;

use super::on_library;
use crate::ipc::{self, CommandError, ErrorCode};
use crate::{now, AppState};

#[tauri::command]
pub async fn list_accounts(state: State<'_, AppState>) -> Result<Vec<ipc::Account>, CommandError> {
    let list = on_library(&state, |library| library.accounts()).await?;
    Ok(list.into_iter().map(Into::into).collect())
}

/// Logs in (a wrong address, user or password is refused here), adds the
/// account and keeps its password in the OS credential store (or, where
/// there is none, until Barg closes).
#[tauri::command]
pub async fn add_account(
    state: State<'_, AppState>,
    kind: ipc::AccountKind,
    url: String,
    user: String,
    password: String,
) -> Result<ipc::AddedAccount, CommandError> {
    let new = accounts::NewAccount {
        kind: kind.into(),
        url: &url,
        user: &user,
        password: &password,
        first_items: accounts::FIRST_ITEMS,
    };
    let (id, stored) = accounts::add(
        &state.library,
        &state.fetcher(),
        new,
        now(),
        &state.sync_cancel,
    )
    .await?;
    let kept = password_kept(&state, id, password, stored)?;
    Ok(ipc::AddedAccount { id, kept })
}

/// Gives an account its password again (changed on the server, or kept
/// only until Barg closed): checked by logging in, then kept like a new
/// account's.
#[tauri::command]
pub async fn set_account_password(
    state: State<'_, AppState>,
    id: i64,
    password: String,
) -> Result<ipc::PasswordKept, CommandError> {
    let account = on_library(&state, move |library| library.account(id)).await?;
    accounts::check_login(
        &state.fetcher(),
        account.kind,
        &account.url,
        &account.user,
        &password,
        &state.sync_cancel,
    )
    .await?;
    let secret = password.clone();
    let stored = tauri::async_runtime::spawn_blocking(move || {
        accounts::keep_password(account.kind, &account.url, &account.user, &secret)
    })
    .await
    .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?;
    password_kept(&state, id, password, stored)
}

/// Where an account's password is kept: the credential store, or, where
/// there is none, this run's memory.
fn password_kept(
    state: &AppState,
    id: i64,
    password: String,
    stored: Result<(), CredentialError>,
) -> Result<ipc::PasswordKept, CommandError> {
    match stored {
        Ok(()) => Ok(ipc::PasswordKept::Store),
        Err(CredentialError::NoStore(why)) => {
            tracing::warn!(%why, "no credential store: the account's password is kept until Barg closes");
            state.keep_account_password(id, password);
            Ok(ipc::PasswordKept::Session)
        }
        Err(error) => Err(CommandError::new(
            ErrorCode::NoCredentialStore,
            error.to_string(),
        )),
    }
}

/// Removes an account (its server is not changed); with `keep_articles`,
/// its subscriptions stay as plain sources.
#[tauri::command]
pub async fn remove_account(
    state: State<'_, AppState>,
    id: i64,
    keep_articles: bool,
) -> Result<(), CommandError> {
    let account = on_library(&state, move |library| {
        let account = library.account(id)?;
        library.remove_account(id, keep_articles)?;
        Ok(account)
    })
    .await?;
    let _ = tauri::async_runtime::spawn_blocking(move || accounts::forget_password(&account)).await;
    Ok(())
}

/// Syncs every account (or one) both ways; one sync at a time, with the
/// feeds' sync.
#[tauri::command]
pub async fn sync_accounts(
    state: State<'_, AppState>,
    account_id: Option<i64>,
) -> Result<Vec<ipc::AccountSyncResult>, CommandError> {
    let _running = state.sync_lock.lock().await;
    let options = AccountSyncOptions {
        images: Some(state.images.clone()),
    };
    let outcomes = accounts::sync_accounts(
        &state.library,
        &state.fetcher(),
        account_id,
        |account| state.account_password(account),
        &options,
        now(),
        &state.sync_cancel,
    )
    .await?;
    Ok(outcomes.into_iter().map(Into::into).collect())
}

/// Subscribes an account to a feed on its server, then syncs the account
/// so that the feed is in the library.
#[tauri::command]
pub async fn subscribe_account(
    state: State<'_, AppState>,
    account_id: i64,
    url: String,
    folder: Option<String>,
) -> Result<(), CommandError> {
    let url = barg_core::feeds::normalize_url(&url)?;
    let account = on_library(&state, move |library| library.account(account_id)).await?;
    let password = state.account_password(&account)?;
    let library = Arc::clone(&state.library);
    accounts::subscribe(
        &library,
        &state.fetcher(),
        account_id,
        &password,
        &url,
        folder.as_deref(),
        &state.sync_cancel,
    )
    .await?;
    let _running = state.sync_lock.lock().await;
    let options = AccountSyncOptions {
        images: Some(state.images.clone()),
    };
    accounts::sync_account(
        &library,
        &state.fetcher(),
        account_id,
        &password,
        &options,
        now(),
        &state.sync_cancel,
    )
    .await?;
    Ok(())
}
