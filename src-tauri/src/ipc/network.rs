//! The wire types of routes and the network settings.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use barg_core::network as net;

/// Which way a feed's requests go.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Route {
    Direct,
    Proxy,
    Auto,
}

impl From<net::Route> for Route {
    fn from(route: net::Route) -> Self {
        use net::Route as Core;
        match route {
            Core::Direct => Route::Direct,
            Core::Proxy => Route::Proxy,
            Core::Auto => Route::Auto,
        }
    }
}

impl From<Route> for net::Route {
    fn from(route: Route) -> Self {
        match route {
            Route::Direct => net::Route::Direct,
            Route::Proxy => net::Route::Proxy,
            Route::Auto => net::Route::Auto,
        }
    }
}

/// The way a request went.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Way {
    Direct,
    Proxy,
}

impl From<net::Way> for Way {
    fn from(way: net::Way) -> Self {
        use net::Way as Core;
        match way {
            Core::Direct => Way::Direct,
            Core::Proxy => Way::Proxy,
        }
    }
}

/// Where the proxy comes from.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ProxyKind {
    /// No proxy.
    None,
    /// The system's (the environment on Linux, the OS setting elsewhere).
    System,
    /// The address below.
    Manual,
}

/// The default route for feeds without their own; the presets set it.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(rename_all = "kebab-case")]
pub enum RoutePolicy {
    Direct,
    AllProxy,
    Auto,
    Iran,
}

/// The network settings as the Settings view edits them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct NetworkSettings {
    pub proxy_kind: ProxyKind,
    /// `socks5h://127.0.0.1:1080` and the like ("" unless manual).
    pub proxy_url: String,
    /// "" for none. The password is never part of the settings.
    pub proxy_user: String,
    pub policy: RoutePolicy,
    /// The route of the feeds in a folder that have none of their own.
    #[serde(default)]
    pub folder_routes: BTreeMap<String, Route>,
    /// Low bandwidth: syncs fetch no article pages and no images.
    #[serde(default)]
    pub text_only: bool,
}

impl From<net::NetworkSettings> for NetworkSettings {
    fn from(settings: net::NetworkSettings) -> Self {
        let (proxy_kind, proxy_url, proxy_user) = match settings.proxy {
            net::Proxy::None => (ProxyKind::None, String::new(), String::new()),
            net::Proxy::System => (ProxyKind::System, String::new(), String::new()),
            net::Proxy::Manual { url, user } => (ProxyKind::Manual, url, user.unwrap_or_default()),
        };
        Self {
            proxy_kind,
            proxy_url,
            proxy_user,
            policy: match settings.policy {
                net::Policy::Direct => RoutePolicy::Direct,
                net::Policy::AllProxy => RoutePolicy::AllProxy,
                net::Policy::Auto => RoutePolicy::Auto,
                net::Policy::Iran => RoutePolicy::Iran,
            },
            folder_routes: settings
                .folder_routes
                .into_iter()
                .map(|(folder, route)| (folder, route.into()))
                .collect(),
            text_only: settings.text_only,
        }
    }
}

impl NetworkSettings {
    /// The settings to store; a manual address is checked (and may not
    /// carry a password).
    pub fn to_core(&self) -> Result<net::NetworkSettings, String> {
        let proxy = match self.proxy_kind {
            ProxyKind::None => net::Proxy::None,
            ProxyKind::System => net::Proxy::System,
            ProxyKind::Manual => {
                let address = net::ProxyAddress::parse(&self.proxy_url)?;
                if address.password.is_some() {
                    return Err("a password is never kept in the proxy address".into());
                }
                let user = Some(self.proxy_user.trim().to_owned())
                    .filter(|u| !u.is_empty())
                    .or(address.user);
                net::Proxy::Manual {
                    url: address.url,
                    user,
                }
            }
        };
        Ok(net::NetworkSettings {
            proxy,
            policy: match self.policy {
                RoutePolicy::Direct => net::Policy::Direct,
                RoutePolicy::AllProxy => net::Policy::AllProxy,
                RoutePolicy::Auto => net::Policy::Auto,
                RoutePolicy::Iran => net::Policy::Iran,
            },
            folder_routes: self
                .folder_routes
                .iter()
                .map(|(folder, route)| (folder.clone(), (*route).into()))
                .collect(),
            text_only: self.text_only,
        })
    }
}

/// Which images of a feed's articles a sync downloads.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ImagePolicy {
    All,
    /// The first image of each article.
    First,
    None,
}

impl From<barg_core::feeds::ImagePolicy> for ImagePolicy {
    fn from(policy: barg_core::feeds::ImagePolicy) -> Self {
        use barg_core::feeds::ImagePolicy as Core;
        match policy {
            Core::All => ImagePolicy::All,
            Core::First => ImagePolicy::First,
            Core::None => ImagePolicy::None,
        }
    }
}

impl From<ImagePolicy> for barg_core::feeds::ImagePolicy {
    fn from(policy: ImagePolicy) -> Self {
        use barg_core::feeds::ImagePolicy as Core;
        match policy {
            ImagePolicy::All => Core::All,
            ImagePolicy::First => Core::First,
            ImagePolicy::None => Core::None,
        }
    }
}

/// What asking for an article's page did.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "kebab-case")]
pub enum PageFetch {
    /// The page's text replaced the summary.
    Filled,
    /// The article is not a summary.
    NotSummary,
    /// Not fetched on opening: text only, or the feed fetches no pages.
    Skipped,
}

impl From<barg_core::feeds::pages::PageFetch> for PageFetch {
    fn from(fetch: barg_core::feeds::pages::PageFetch) -> Self {
        use barg_core::feeds::pages::PageFetch as Core;
        match fetch {
            Core::Filled => PageFetch::Filled,
            Core::NotSummary => PageFetch::NotSummary,
            Core::Skipped => PageFetch::Skipped,
        }
    }
}

/// What one way to an address gave.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WayCheck {
    pub way: Way,
    /// Null when it worked.
    pub error: Option<super::CommandError>,
}

/// Which ways reach an address, and which the settings take for it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NetworkCheck {
    pub route: Route,
    pub ways: Vec<WayCheck>,
}

/// Where the proxy's password is kept.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "kebab-case")]
pub enum PasswordKept {
    /// In the OS credential store.
    Store,
    /// In memory until Barg closes (no credential store on this system).
    Session,
}
