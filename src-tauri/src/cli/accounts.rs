//! `barg account …` (sync accounts: add, list, remove, subscribe) and
//! `barg mark read|unread`, the reading state an account syncs.

use barg_core::accounts::{self, AccountKind, AccountSyncOptions};
use barg_core::ops::DataFolder;
use serde_json::json;

use super::output::{runtime, Output};
use super::{AccountAction, CliError};
use crate::ipc::{self, ErrorCode};
use crate::now;

pub(super) fn account(
    folder: &DataFolder,
    out: &mut Output,
    action: AccountAction,
) -> Result<(), CliError> {
    let state = out.opened_state(folder)?;
    let library = &state.library;
    match action {
        AccountAction::Add {
            kind,
            url,
            user,
            password_stdin,
            first_items,
        } => {
            let password = match password_stdin {
                true => read_password()?,
                false => crate::state::account_password_from_environment()
                    .ok_or_else(|| CliError("give the password with --password-stdin".into()))?,
            };
            let new = accounts::NewAccount {
                kind: kind.kind(),
                url: &url,
                user: &user,
                password: &password,
                first_items,
            };
            let (id, stored) = runtime()?
                .block_on(accounts::add(
                    library,
                    &state.fetcher(),
                    new,
                    now(),
                    &state.sync_cancel,
                ))
                .map_err(|e| out.error(e))?;
            // Without a credential store the password comes from the
            // environment each run; without either, the account is not kept.
            if let Err(error) = stored {
                if crate::state::account_password_from_environment().is_none() {
                    let _ = library.remove_account(id, false);
                    return Err(CliError(
                        out.reason(ErrorCode::NoCredentialStore, &error.to_string()),
                    ));
                }
            }
            out.record(json!({ "id": id }), || id.to_string())
        }
        AccountAction::List => {
            let list = library.accounts().map_err(|e| out.error(e))?;
            for account in list {
                let status = match account.last_error_code {
                    Some(code) => out.message(&ErrorCode::from(code).message_id(), None),
                    None if account.last_success_at.is_some() => String::from("ok"),
                    None => String::from("-"),
                };
                let line = format!(
                    "{:>4} {} {} {}  {} feeds, {} changes to send  {status}",
                    account.id,
                    account.kind.as_str(),
                    account.url,
                    account.user,
                    account.sources,
                    account.pending_changes,
                );
                out.record(ipc::Account::from(account), || line)?;
            }
            Ok(())
        }
        AccountAction::Remove { id, keep_articles } => {
            let account = library.account(id).map_err(|e| out.error(e))?;
            library
                .remove_account(id, keep_articles)
                .map_err(|e| out.error(e))?;
            accounts::forget_password(&account);
            out.record(
                json!({ "removed": id, "keptArticles": keep_articles }),
                || format!("{id} removed"),
            )
        }
        AccountAction::Subscribe {
            id,
            url,
            folder: into,
        } => {
            let account = library.account(id).map_err(|e| out.error(e))?;
            let password = crate::state::account_password(&account).map_err(|e| out.error(e))?;
            let url = barg_core::feeds::normalize_url(&url).map_err(|e| out.error(e))?;
            let rt = runtime()?;
            let stream = rt
                .block_on(accounts::subscribe(
                    library,
                    &state.fetcher(),
                    id,
                    &password,
                    &url,
                    into.as_deref(),
                    &state.sync_cancel,
                ))
                .map_err(|e| out.error(e))?;
            // The subscription and its first items, in the library now.
            rt.block_on(accounts::sync_account(
                library,
                &state.fetcher(),
                id,
                &password,
                &AccountSyncOptions {
                    images: Some(state.images.clone()),
                },
                now(),
                &state.sync_cancel,
            ))
            .map_err(|e| out.error(e))?;
            out.record(json!({ "account": id, "stream": stream }), || {
                stream.clone()
            })
        }
    }
}

fn read_password() -> Result<String, CliError> {
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| CliError(e.to_string()))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// Syncs the accounts (every one, or `only`) after the feeds; prints a
/// line for each. Returns how many failed.
pub(super) fn sync_accounts(
    state: &crate::AppState,
    out: &mut Output,
    only: Option<i64>,
) -> Result<usize, CliError> {
    let options = AccountSyncOptions {
        images: Some(state.images.clone()),
    };
    let outcomes = runtime()?
        .block_on(accounts::sync_accounts(
            &state.library,
            &state.fetcher(),
            only,
            crate::state::account_password,
            &options,
            now(),
            &state.sync_cancel,
        ))
        .map_err(|e| out.error(e))?;
    let mut failed = 0;
    for outcome in outcomes {
        let id = outcome.account.id;
        match outcome.result {
            Ok(report) => out.record(
                json!({ "account": id, "added": report.added, "updated": report.updated,
                        "sent": report.sent, "statesChanged": report.states_changed,
                        "requests": report.requests }),
                || {
                    format!(
                        "account {id}: +{} new, {} updated, {} changes sent, {} read or bookmark states changed",
                        report.added, report.updated, report.sent, report.states_changed
                    )
                },
            )?,
            Err(error) => {
                failed += 1;
                let code = ErrorCode::from(error.code());
                let reason = out.reason(code, &error.to_string());
                out.record(json!({ "account": id, "failed": code, "reason": reason }), || {
                    format!("account {id}: {reason}")
                })?;
            }
        }
    }
    Ok(failed)
}

/// `barg mark read|unread ID… | --source ID`.
pub(super) fn mark(
    folder: &DataFolder,
    out: &mut Output,
    read: bool,
    ids: &[i64],
    source: Option<i64>,
) -> Result<(), CliError> {
    let library = out.opened_library(folder)?;
    let mut marked = 0;
    if let Some(source) = source {
        marked += library
            .set_source_read(source, read, now())
            .map_err(|e| out.error(e))?;
    }
    for &id in ids {
        library
            .set_read(id, read, now())
            .map_err(|e| out.error(e))?;
        marked += 1;
    }
    out.record(json!({ "marked": marked, "read": read }), || {
        marked.to_string()
    })
}

impl super::AccountKindArg {
    fn kind(self) -> AccountKind {
        match self {
            super::AccountKindArg::Greader => AccountKind::GReader,
            super::AccountKindArg::Fever => AccountKind::Fever,
        }
    }
}
