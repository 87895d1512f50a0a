//! `barg proxy …`, `barg route preset …`, `barg feeds route …`, `barg net
//! check URL`: the network settings (kept in the library, so the window
//! routes the same way) and a check of which way reaches a server.

use barg_core::credentials;
use barg_core::network::{NetworkSettings, Policy, Proxy, ProxyAddress, Route};
use barg_core::ops::DataFolder;
use serde_json::json;

use super::output::{runtime, Output};
use super::{CliError, ProxyAction};
use crate::ipc::ErrorCode;
use crate::state::{fetcher_for, PROXY_PASSWORD_VARIABLE};

pub(super) fn proxy(
    folder: &DataFolder,
    out: &mut Output,
    action: ProxyAction,
) -> Result<(), CliError> {
    let library = out.opened_library(folder)?;
    let mut settings = library.network_settings().map_err(|e| out.error(e))?;
    let before = settings.proxy.clone();
    let mut password = None;
    match action {
        ProxyAction::Show => {}
        ProxyAction::Clear => settings.proxy = Proxy::default(),
        ProxyAction::Set {
            address,
            user,
            password_stdin,
        } => {
            if password_stdin {
                let mut line = String::new();
                std::io::stdin()
                    .read_line(&mut line)
                    .map_err(|e| CliError(e.to_string()))?;
                password = Some(line.trim_end_matches(['\r', '\n']).to_owned());
            }
            settings.proxy = match address.as_str() {
                "none" => Proxy::None,
                "system" => Proxy::System,
                typed => {
                    let parsed = ProxyAddress::parse(typed).map_err(CliError)?;
                    if parsed.password.is_some() {
                        return Err(CliError(format!(
                            "a password is never kept in the proxy address: give it with --password-stdin (kept in the OS credential store) or in {PROXY_PASSWORD_VARIABLE}"
                        )));
                    }
                    Proxy::Manual {
                        url: parsed.url,
                        user: user.or(parsed.user),
                    }
                }
            };
        }
    }
    // The password first: a proxy whose password could not be kept is not
    // saved half-way.
    if let (
        Some(password),
        Proxy::Manual {
            url,
            user: Some(user),
        },
    ) = (&password, &settings.proxy)
    {
        credentials::store(&credentials::proxy_account(url, user), password).map_err(|error| {
            CliError(format!(
                "{} ({error})",
                out.message("cli-no-credential-store", None)
            ))
        })?;
    }
    if before != settings.proxy {
        // The old proxy's password goes with it.
        if let Proxy::Manual {
            url,
            user: Some(user),
        } = &before
        {
            let _ = credentials::forget(&credentials::proxy_account(url, user));
        }
    }
    if library.network_settings().ok().as_ref() != Some(&settings) {
        library
            .set_network_settings(&settings)
            .map_err(|e| out.error(e))?;
    }
    print_settings(out, &settings)
}

fn print_settings(out: &mut Output, settings: &NetworkSettings) -> Result<(), CliError> {
    let proxy = match &settings.proxy {
        Proxy::None => String::from("none"),
        Proxy::System => String::from("system"),
        Proxy::Manual {
            url,
            user: Some(user),
        } => format!("{url} (user {user})"),
        Proxy::Manual { url, user: None } => url.clone(),
    };
    let policy: &str = settings.policy.into();
    let mut text = format!("proxy: {proxy}\nroute: {policy}");
    for (folder, route) in &settings.folder_routes {
        text.push_str(&format!("\nroute of {folder}: {route}"));
    }
    if settings.text_only {
        text.push_str("\ntext only");
    }
    out.record(
        json!({
            "proxy": settings.proxy,
            "policy": policy,
            "folderRoutes": settings.folder_routes,
            "textOnly": settings.text_only,
        }),
        || text,
    )
}

/// Changes the stored network settings and prints them.
fn change_settings(
    folder: &DataFolder,
    out: &mut Output,
    change: impl FnOnce(&mut NetworkSettings),
) -> Result<(), CliError> {
    let library = out.opened_library(folder)?;
    let mut settings = library.network_settings().map_err(|e| out.error(e))?;
    change(&mut settings);
    library
        .set_network_settings(&settings)
        .map_err(|e| out.error(e))?;
    print_settings(out, &settings)
}

/// The route of a folder's feeds that have none of their own; `None`
/// gives the folder back to the default for everything.
pub(super) fn folder_route(
    folder: &DataFolder,
    out: &mut Output,
    name: &str,
    route: Option<Route>,
) -> Result<(), CliError> {
    change_settings(folder, out, |settings| match route {
        Some(route) => {
            settings.folder_routes.insert(name.to_owned(), route);
        }
        None => {
            settings.folder_routes.remove(name);
        }
    })
}

/// Low bandwidth on or off.
pub(super) fn text_only(folder: &DataFolder, out: &mut Output, on: bool) -> Result<(), CliError> {
    change_settings(folder, out, |settings| settings.text_only = on)
}

pub(super) fn preset(
    folder: &DataFolder,
    out: &mut Output,
    policy: Policy,
) -> Result<(), CliError> {
    change_settings(folder, out, |settings| settings.policy = policy)
}

pub(super) fn feed_route(
    folder: &DataFolder,
    out: &mut Output,
    id: i64,
    route: Option<Route>,
) -> Result<(), CliError> {
    let library = out.opened_library(folder)?;
    library.set_route(id, route).map_err(|e| out.error(e))?;
    let shown = route.map_or("default", <&str>::from);
    out.record(json!({ "id": id, "route": route }), || {
        format!("{id}: {shown}")
    })
}

/// Fetches `url` directly and through the proxy, and says what each way
/// gave and which the settings take.
pub(super) fn check(folder: &DataFolder, out: &mut Output, url: &str) -> Result<(), CliError> {
    let library = out.opened_library(folder)?;
    let rt = runtime()?;
    let (route, tried) = rt
        .block_on(barg_core::feeds::try_each_way(
            &fetcher_for(&library, None),
            url,
        ))
        .map_err(|e| out.error(e))?;
    let works = tried.iter().any(|(_, outcome)| outcome.is_ok());
    let mut ways = Vec::new();
    for (way, outcome) in tried {
        let name: &str = way.into();
        let (record, text) = match outcome {
            Ok(bytes) => (
                json!({ "way": name, "ok": true, "bytes": bytes }),
                format!("{name}: ok ({bytes} bytes)"),
            ),
            Err(error) => {
                let code = ErrorCode::from(error.code());
                let reason = out.reason(code, &error.to_string());
                (
                    json!({ "way": name, "ok": false, "code": code, "reason": reason }),
                    format!("{name}: {reason}"),
                )
            }
        };
        ways.push(record.clone());
        out.record(record, || text)?;
    }
    let route_name: &str = route.into();
    out.record(json!({ "url": url, "route": route, "ways": ways }), || {
        format!("route for {url}: {route_name}")
    })?;
    if works {
        Ok(())
    } else {
        Err(CliError(out.message("cli-net-check-failed", None)))
    }
}
