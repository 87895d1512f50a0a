//! Which way a request goes on a filtered network: straight to the server
//! (*direct*), through the user's proxy (*proxy*), or direct first and
//! through the proxy when the direct way is filtered (*auto*); and how a
//! filtered answer is recognised.
//!
//! The settings live in the library (`library_settings`, key `network`), so
//! the window and the command line sync the same way. A proxy's password
//! never does: it is held by the OS credential store (see `ops::secrets`).

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::{Library, LibraryError};

/// A feed's own route, or the default for everything.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Route {
    Direct,
    Proxy,
    /// Direct, and through the proxy when the direct way is filtered or
    /// fails the way filtering makes it fail; what worked is remembered per
    /// host for a day.
    Auto,
}

/// The way a request actually went.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr, strum::Display,
)]
#[strum(serialize_all = "kebab-case")]
pub enum Way {
    Direct,
    Proxy,
}

/// The default for every request whose feed has no route of its own: one
/// of the routes, or *Iran* (hosts served from inside Iran direct, the rest
/// through the proxy). The presets set it in one step.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
    strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Policy {
    /// Preset "nothing through the proxy".
    Direct,
    /// Preset "everything through the proxy" (with no proxy set, or the
    /// system's without one, this is direct: Barg's behaviour before routes).
    #[default]
    AllProxy,
    Auto,
    /// Preset "Iran": `.ir` and the hosts in `data/iran-hosts.txt` direct,
    /// everything else through the proxy.
    Iran,
}

/// Where the proxy comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Proxy {
    /// No proxy: the proxy route is the direct one.
    None,
    /// The system's: `HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY` and `NO_PROXY`
    /// on Linux, the OS setting on Windows and macOS.
    #[default]
    System,
    /// `http://`, `https://`, `socks5://` (names resolved here) or
    /// `socks5h://` (names resolved by the proxy) `host:port`, and a user
    /// whose password is in the credential store.
    Manual {
        url: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        user: Option<String>,
    },
}

/// The network settings: the proxy, the default route for everything and
/// for each folder, and how much to download.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NetworkSettings {
    #[serde(default)]
    pub proxy: Proxy,
    #[serde(default)]
    pub policy: Policy,
    /// The route of the feeds in a folder that have none of their own
    /// (before the default for everything).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub folder_routes: BTreeMap<String, Route>,
    /// Low bandwidth: syncs fetch feeds only, no article pages and no
    /// images; the reader fetches them one by one when asked.
    #[serde(default)]
    pub text_only: bool,
}

/// A proxy address as typed, checked: `scheme://host:port`, with an optional
/// user and password given in it (`socks5h://me:secret@127.0.0.1:1080`),
/// which are split off (the password goes to the credential store).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyAddress {
    /// Without user or password.
    pub url: String,
    pub user: Option<String>,
    pub password: Option<String>,
}

impl ProxyAddress {
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut url = url::Url::parse(text.trim())
            .map_err(|e| format!("«{text}» is not a proxy address: {e}"))?;
        if !matches!(url.scheme(), "http" | "https" | "socks5" | "socks5h") {
            return Err(format!(
                "a proxy address starts with http://, https://, socks5:// or socks5h://, not {}://",
                url.scheme()
            ));
        }
        if url.host_str().is_none_or(str::is_empty) || url.port_or_known_default().is_none() {
            return Err(format!("«{text}» names no host and port"));
        }
        if url.path() != "/" && !url.path().is_empty() || url.query().is_some() {
            return Err(format!(
                "«{text}»: a proxy address is only scheme://host:port"
            ));
        }
        let decode = |s: &str| {
            url::form_urlencoded::parse(format!("x={s}").as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default()
        };
        let user = Some(decode(url.username())).filter(|u| !u.is_empty());
        let password = url.password().map(decode);
        let _ = url.set_username("");
        let _ = url.set_password(None);
        let mut plain = url.to_string();
        if plain.ends_with('/') {
            plain.pop();
        }
        Ok(Self {
            url: plain,
            user,
            password,
        })
    }
}

impl Library {
    /// The network settings (the defaults when none were saved).
    pub fn network_settings(&self) -> Result<NetworkSettings, LibraryError> {
        Ok(self
            .library_setting(SETTINGS_KEY)?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
    }

    pub fn set_network_settings(&self, settings: &NetworkSettings) -> Result<(), LibraryError> {
        let json =
            serde_json::to_string(settings).map_err(|e| LibraryError::Internal(e.to_string()))?;
        self.set_library_setting(SETTINGS_KEY, &json)
    }
}

const SETTINGS_KEY: &str = "network";

impl NetworkSettings {
    /// A feed's route: its own, else its folder's; `None` leaves it to the
    /// default for everything, which depends on the host.
    pub fn feed_route(&self, own: Option<Route>, folder: Option<&str>) -> Option<Route> {
        own.or_else(|| folder.and_then(|f| self.folder_routes.get(f).copied()))
    }

    /// The route for a request to `host` whose feed has none of its own.
    pub fn route_for_host(&self, host: &str) -> Route {
        match self.policy {
            Policy::Direct => Route::Direct,
            Policy::AllProxy => Route::Proxy,
            Policy::Auto => Route::Auto,
            Policy::Iran if served_from_iran(host) => Route::Direct,
            Policy::Iran => Route::Proxy,
        }
    }
}

/// Hosts served from inside Iran outside `.ir` (provenance in the file).
static IRAN_HOSTS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/iran-hosts.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});

/// Whether `host` is served from inside Iran: under `.ir`, or one of the
/// listed domains or a name under one (`www.aparat.com`).
pub fn served_from_iran(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    // `.ir` and `.ایران` (its name in the DNS: xn--mgba3a4f16a).
    if [".ir", ".xn--mgba3a4f16a", ".ایران"]
        .iter()
        .any(|tld| host.ends_with(tld) || host == tld[1..])
    {
        return true;
    }
    let mut rest = host.as_str();
    loop {
        if IRAN_HOSTS.contains(rest) {
            return true;
        }
        match rest.split_once('.') {
            Some((_, parent)) if parent.contains('.') => rest = parent,
            _ => return false,
        }
    }
}

/// The addresses Iran's filter answers with: its block page is served from
/// them, and its DNS gives them for a blocked name.
pub fn is_filter_address(address: IpAddr) -> bool {
    matches!(address, IpAddr::V4(v4) if matches!(v4.octets(), [10, 10, 34, 34..=36]))
}

/// Whether an answer is Iran's block page: a small page (403, or 200 on
/// some links) whose body is an iframe to one of the filter's addresses.
pub fn is_block_page(status: u16, body: &[u8]) -> bool {
    if !matches!(status, 200 | 403) || body.len() > BLOCK_PAGE_MAX {
        return false;
    }
    let text = String::from_utf8_lossy(body).to_ascii_lowercase();
    text.contains("<iframe")
        && ["10.10.34.34", "10.10.34.35", "10.10.34.36"]
            .iter()
            .any(|address| text.contains(address))
}

/// The block page is a few hundred bytes; a real page that merely mentions
/// the addresses is far larger.
pub const BLOCK_PAGE_MAX: usize = 4096;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iran_preset_sends_iranian_hosts_direct_and_the_rest_through_the_proxy() {
        let iran = NetworkSettings {
            proxy: Proxy::None,
            policy: Policy::Iran,
            ..Default::default()
        };
        for (host, route, why) in [
            ("www.isna.ir", Route::Direct, "under .ir"),
            ("ISNA.IR.", Route::Direct, "any case, a trailing dot"),
            (
                "xn--mgbai9azgqp6j.xn--mgba3a4f16a",
                Route::Direct,
                "under .ایران",
            ),
            (
                "www.aparat.com",
                Route::Direct,
                "a listed Iranian host under .com",
            ),
            (
                "tasnimnews.com",
                Route::Direct,
                "a listed Iranian news site",
            ),
            ("feeds.bbci.co.uk", Route::Proxy, "a foreign host"),
            ("rss.dw.com", Route::Proxy, "a foreign .com"),
            (
                "irna.com.example",
                Route::Proxy,
                "not under .ir though it starts like it",
            ),
        ] {
            assert_eq!(iran.route_for_host(host), route, "{host}: {why}");
        }
    }

    #[test]
    fn the_filters_block_page_and_addresses_are_recognised() {
        let page = br#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>M3-5</title></head><body><iframe src="http://10.10.34.34?type=Invalid Site&policy=MainPolicy " style="width: 100%; height: 100%" scrolling="no" marginwidth="0" marginheight="0" frameborder="0" vspace="0" hspace="0"></iframe></body></html>"#;
        assert!(is_block_page(403, page), "the 403 iframe page");
        assert!(is_block_page(200, page), "the same page sent as 200");
        assert!(
            !is_block_page(404, page),
            "another status is not the filter"
        );
        assert!(
            !is_block_page(
                200,
                b"<rss><channel><title>10.10.34.34</title></channel></rss>"
            ),
            "a feed that only mentions the address"
        );
        assert!(is_filter_address("10.10.34.36".parse().unwrap()));
        assert!(!is_filter_address("10.10.34.37".parse().unwrap()));
        assert!(!is_filter_address("127.0.0.1".parse().unwrap()));
    }

    #[test]
    fn a_proxy_address_is_checked_and_its_password_split_off() {
        let address = ProxyAddress::parse("socks5h://me:p%40ss@127.0.0.1:1080").unwrap();
        assert_eq!(
            address.url, "socks5h://127.0.0.1:1080",
            "no credentials in the stored address"
        );
        assert_eq!(address.user.as_deref(), Some("me"));
        assert_eq!(address.password.as_deref(), Some("p@ss"), "percent-decoded");
        assert_eq!(
            ProxyAddress::parse("http://127.0.0.1:8888").unwrap().user,
            None,
            "no user"
        );
        for bad in [
            "ftp://h:1",
            "socks5h://:1080",
            "127.0.0.1:1080x",
            "http://h:1/path",
        ] {
            assert!(ProxyAddress::parse(bad).is_err(), "{bad} is refused");
        }
    }
}
