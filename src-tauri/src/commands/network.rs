//! The commands of Settings, Network and of each feed's route.

use tauri::State;

use super::on_library;
use crate::ipc::{self, CommandError, ErrorCode};
use crate::AppState;

/// A feed's own route; `None`: the network settings' default.
#[tauri::command]
pub async fn set_feed_route(
    state: State<'_, AppState>,
    id: i64,
    route: Option<ipc::Route>,
) -> Result<(), CommandError> {
    on_library(&state, move |library| {
        library.set_route(id, route.map(Into::into))
    })
    .await
}

#[tauri::command]
pub async fn network_settings(
    state: State<'_, AppState>,
) -> Result<ipc::NetworkSettings, CommandError> {
    let settings = on_library(&state, |library| library.network_settings()).await?;
    Ok(settings.into())
}

/// Stores the network settings (a bad proxy address is `invalid-input`)
/// and routes every later request by them.
#[tauri::command]
pub async fn set_network_settings(
    state: State<'_, AppState>,
    settings: ipc::NetworkSettings,
) -> Result<(), CommandError> {
    let settings = settings
        .to_core()
        .map_err(|message| CommandError::new(ErrorCode::InvalidInput, message))?;
    on_library(&state, move |library| {
        library.set_network_settings(&settings)
    })
    .await?;
    state.refresh_fetcher();
    Ok(())
}

/// Keeps the manual proxy's password: in the OS credential store, or,
/// where there is none, in memory until Barg closes (the window asks again
/// at the next start). Never in a file of Barg's.
#[tauri::command]
pub async fn set_proxy_password(
    state: State<'_, AppState>,
    password: String,
) -> Result<ipc::PasswordKept, CommandError> {
    use barg_core::credentials::{self, CredentialError};
    let network = on_library(&state, |library| library.network_settings()).await?;
    let barg_core::network::Proxy::Manual {
        url,
        user: Some(user),
    } = network.proxy
    else {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "a password belongs to a manual proxy with a user",
        ));
    };
    let account = credentials::proxy_account(&url, &user);
    let secret = password.clone();
    let stored =
        tauri::async_runtime::spawn_blocking(move || credentials::store(&account, &secret))
            .await
            .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?;
    match stored {
        Ok(()) => {
            state.keep_password_for_this_session(None);
            Ok(ipc::PasswordKept::Store)
        }
        Err(CredentialError::NoStore(why)) => {
            tracing::warn!(%why, "no credential store: the proxy's password is kept until Barg closes");
            state.keep_password_for_this_session(Some(password));
            Ok(ipc::PasswordKept::Session)
        }
        Err(error) => Err(CommandError::new(ErrorCode::Internal, error.to_string())),
    }
}

/// Where the manual proxy's password is kept, if anywhere (`None`: Barg
/// has none and the window asks for it).
#[tauri::command]
pub async fn proxy_password_kept(
    state: State<'_, AppState>,
) -> Result<Option<ipc::PasswordKept>, CommandError> {
    if state.has_session_password() {
        return Ok(Some(ipc::PasswordKept::Session));
    }
    let network = on_library(&state, |library| library.network_settings()).await?;
    let found =
        tauri::async_runtime::spawn_blocking(move || crate::state::proxy_password(&network))
            .await
            .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?;
    Ok(found.map(|_| ipc::PasswordKept::Store))
}

/// Fetches `url` directly and through the proxy: what each way gives, and
/// the route the settings take for it (the Settings view's "test").
#[tauri::command]
pub async fn check_network(
    state: State<'_, AppState>,
    url: String,
) -> Result<ipc::NetworkCheck, CommandError> {
    let (route, tried) = barg_core::feeds::try_each_way(&state.fetcher(), &url).await?;
    Ok(ipc::NetworkCheck {
        route: route.into(),
        ways: tried
            .into_iter()
            .map(|(way, outcome)| ipc::WayCheck {
                way: way.into(),
                error: outcome.err().map(CommandError::from),
            })
            .collect(),
    })
}
