//! The one way Barg reaches the network: an HTTP client with limits that
//! hold whatever a server does. Bounded concurrency per host, connect and
//! total timeouts (a server that sends a byte a second ends in a timeout),
//! a redirect limit, a maximum body size checked while reading (so a gzip
//! bomb stops at the limit, decoded), conditional GET, and retries with
//! backoff for errors that may pass.
//!
//! Every request follows its route (`network.rs`): a direct client that
//! ignores every proxy, and one through the user's proxy. A filtered answer
//! (the filter's block page, a name resolved to the filter's address, a
//! reset right after the TLS ClientHello) is `Filtered`, never a body.

use crate::Code;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::Instant;

use tokio::sync::Semaphore;

use super::filtering::{classify, FilterAwareResolver};
use super::Cancel;
use crate::network::{self, NetworkSettings, Proxy, ProxyAddress, Route, Way};

/// What the fetcher tolerates.
#[derive(Debug, Clone)]
pub struct Limits {
    pub connect_timeout: Duration,
    /// For the whole request, body included.
    pub timeout: Duration,
    /// Largest body accepted, after content decoding.
    pub max_body: usize,
    pub max_redirects: usize,
    /// Extra attempts after a failure that may pass (connection errors, 5xx, 429).
    pub retries: u32,
    /// The first retry waits this long; each next one twice as long.
    pub backoff: Duration,
    /// Requests to one host at a time.
    pub per_host: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_body: 32 * 1024 * 1024,
            max_redirects: 5,
            retries: 2,
            backoff: Duration::from_millis(800),
            per_host: 6,
        }
    }
}

/// Validators from the last fetch, for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A successful fetch.
#[derive(Debug)]
pub enum Fetched {
    /// 304: nothing changed since the validators were given.
    NotModified,
    Body(Body),
}

#[derive(Debug)]
pub struct Body {
    pub bytes: Vec<u8>,
    /// Where the body came from, after redirects.
    pub url: url::Url,
    pub validators: Validators,
    /// The `Content-Type` header, lower-cased.
    pub content_type: Option<String>,
    /// The way it came: direct or through the proxy.
    pub via: Way,
}

impl Body {
    /// The charset the server declared, if any.
    pub fn charset(&self) -> Option<&str> {
        let content_type = self.content_type.as_deref()?;
        let at = content_type.find("charset=")?;
        Some(
            content_type[at + 8..]
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('"'),
        )
    }
}

/// Why a fetch failed; [`FetchError::code`] names it for the UI.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("not a web address: {0}")]
    InvalidUrl(String),
    #[error("cannot reach the server: {0}")]
    Network(String),
    #[error("the server took too long")]
    Timeout,
    #[error("the server answered {0}")]
    HttpStatus(u16),
    #[error("the response is larger than {0} bytes")]
    TooLarge(usize),
    #[error("too many redirects")]
    RedirectLoop,
    #[error("cancelled")]
    Cancelled,
    /// The network's filter answered instead of the server.
    #[error("filtered on this network: {0}")]
    Filtered(String),
    /// The proxy itself cannot be reached (not running, wrong address).
    #[error("the proxy cannot be reached: {0}")]
    ProxyUnreachable(String),
    /// The proxy refused the user name or password.
    #[error("the proxy refused the user name or password")]
    ProxyAuth,
}

impl FetchError {
    pub fn code(&self) -> Code {
        match self {
            FetchError::InvalidUrl(_) => Code::InvalidInput,
            FetchError::Network(_) => Code::Network,
            FetchError::Timeout => Code::Timeout,
            FetchError::HttpStatus(_) => Code::HttpStatus,
            FetchError::TooLarge(_) => Code::TooLarge,
            FetchError::RedirectLoop => Code::RedirectLoop,
            FetchError::Cancelled => Code::Cancelled,
            FetchError::Filtered(_) => Code::Filtered,
            FetchError::ProxyUnreachable(_) => Code::ProxyUnreachable,
            FetchError::ProxyAuth => Code::ProxyAuth,
        }
    }

    /// Whether the direct way failed as filtering makes it fail, so that
    /// *auto* tries the proxy: a recognised block, or a connection that
    /// timed out or was cut.
    fn may_be_filtering(&self) -> bool {
        matches!(
            self,
            FetchError::Filtered(_) | FetchError::Timeout | FetchError::Network(_)
        )
    }

    fn may_pass(&self) -> bool {
        match self {
            // A timeout is not retried: a server that trickles its answer
            // would otherwise hold a sync for several timeouts.
            FetchError::Network(_) => true,
            FetchError::HttpStatus(status) => *status >= 500 || *status == 429,
            _ => false,
        }
    }
}

/// Barg's HTTP client. Cheap to share (`Arc`).
pub struct Fetcher {
    /// Straight to the server, whatever proxy the system names.
    direct: reqwest::Client,
    /// Through the proxy; `None` when there is none (the proxy route is
    /// then the direct one).
    proxied: Option<Proxied>,
    network: NetworkSettings,
    limits: Limits,
    hosts: Mutex<HashMap<String, Arc<Semaphore>>>,
    /// Hosts that *auto* found filtered, and when: they go through the
    /// proxy first for a day.
    filtered_hosts: Mutex<HashMap<String, Instant>>,
}

struct Proxied {
    client: reqwest::Client,
    /// A manual proxy's `host:port`, to tell "the proxy is down" from "the
    /// server is down" (the system's proxy is not known here).
    address: Option<String>,
}

/// How long *auto* remembers that a host is filtered.
pub const FILTERED_FOR: Duration = Duration::from_secs(24 * 60 * 60);

/// How Barg introduces itself to servers.
pub const USER_AGENT: &str = concat!(
    "Barg/",
    env!("CARGO_PKG_VERSION"),
    " (Persian-first feed reader; +https://github.com/barg-reader)"
);

impl Fetcher {
    /// A fetcher with the default network settings (the system's proxy).
    pub fn new(limits: Limits) -> Result<Self, FetchError> {
        Self::with_network(limits, NetworkSettings::default(), None)
    }

    /// A fetcher that routes by `network`; `password` is the manual
    /// proxy's, from the credential store.
    pub fn with_network(
        limits: Limits,
        network: NetworkSettings,
        password: Option<&str>,
    ) -> Result<Self, FetchError> {
        let builder = || {
            reqwest::Client::builder()
                .user_agent(USER_AGENT)
                .connect_timeout(limits.connect_timeout)
                .timeout(limits.timeout)
                .redirect(reqwest::redirect::Policy::limited(limits.max_redirects))
                .gzip(true)
                .brotli(true)
                .deflate(true)
                .dns_resolver(Arc::new(FilterAwareResolver))
        };
        let build = |builder: reqwest::ClientBuilder| {
            builder
                .build()
                .map_err(|e| FetchError::Network(e.to_string()))
        };
        let direct = build(builder().no_proxy())?;
        let proxied = match &network.proxy {
            Proxy::None => None,
            Proxy::System => Some(Proxied {
                client: build(builder())?,
                address: None,
            }),
            Proxy::Manual { url, user } => {
                let address = ProxyAddress::parse(url).map_err(FetchError::InvalidUrl)?;
                let mut proxy = reqwest::Proxy::all(&address.url)
                    .map_err(|e| FetchError::InvalidUrl(e.to_string()))?;
                if let Some(user) = user {
                    proxy = proxy.basic_auth(user, password.unwrap_or(""));
                }
                let parsed = url::Url::parse(&address.url).ok();
                Some(Proxied {
                    client: build(builder().proxy(proxy))?,
                    address: parsed.and_then(|u| {
                        Some(format!("{}:{}", u.host_str()?, u.port_or_known_default()?))
                    }),
                })
            }
        };
        Ok(Self {
            direct,
            proxied,
            network,
            limits,
            hosts: Mutex::new(HashMap::new()),
            filtered_hosts: Mutex::new(HashMap::new()),
        })
    }

    pub fn network(&self) -> &NetworkSettings {
        &self.network
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    fn host_slots(&self, url: &url::Url) -> Arc<Semaphore> {
        let host = url.host_str().unwrap_or("").to_owned();
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        Arc::clone(
            hosts
                .entry(host)
                .or_insert_with(|| Arc::new(Semaphore::new(self.limits.per_host.max(1)))),
        )
    }

    /// GETs `url` (conditionally, when validators are given) by the route
    /// the settings give its host, retrying what may pass, within the
    /// limits.
    pub async fn get(
        &self,
        url: &str,
        validators: Option<&Validators>,
        cancel: &Cancel,
    ) -> Result<Fetched, FetchError> {
        self.get_by(url, validators, None, cancel).await
    }

    /// [`Fetcher::get`] by `route` (a feed's own), or by the settings' route
    /// for the host when it is `None`.
    pub async fn get_by(
        &self,
        url: &str,
        validators: Option<&Validators>,
        route: Option<Route>,
        cancel: &Cancel,
    ) -> Result<Fetched, FetchError> {
        let call = Call {
            validators,
            ..Call::default()
        };
        self.fetch(url, &call, route, cancel).await
    }

    /// A call to a sync server's API: a GET, or a POST of `form` when it is
    /// given, with an `Authorization` header when one is given; by the
    /// settings' route for the host, retried and bounded like any fetch.
    pub async fn call_api(
        &self,
        url: &str,
        form: Option<&[(&str, &str)]>,
        authorization: Option<&str>,
        cancel: &Cancel,
    ) -> Result<Body, FetchError> {
        let call = Call {
            validators: None,
            form,
            authorization,
        };
        match self.fetch(url, &call, None, cancel).await? {
            Fetched::Body(body) => Ok(body),
            // Only a conditional request is answered 304, and this is none.
            Fetched::NotModified => Err(FetchError::HttpStatus(304)),
        }
    }

    async fn fetch(
        &self,
        url: &str,
        call: &Call<'_>,
        route: Option<Route>,
        cancel: &Cancel,
    ) -> Result<Fetched, FetchError> {
        let parsed = url::Url::parse(url).map_err(|e| FetchError::InvalidUrl(e.to_string()))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(FetchError::InvalidUrl(url.to_owned()));
        }
        let host = parsed.host_str().unwrap_or("").to_ascii_lowercase();
        let route = route.unwrap_or_else(|| self.network.route_for_host(&host));
        match route {
            Route::Direct => self.get_via(Way::Direct, &parsed, call, cancel).await,
            Route::Proxy => self.get_via(Way::Proxy, &parsed, call, cancel).await,
            Route::Auto if self.proxied.is_none() => {
                self.get_via(Way::Direct, &parsed, call, cancel).await
            }
            Route::Auto if self.known_filtered(&host) => {
                self.get_via(Way::Proxy, &parsed, call, cancel).await
            }
            Route::Auto => match self.get_via(Way::Direct, &parsed, call, cancel).await {
                Err(error) if error.may_be_filtering() => {
                    tracing::debug!(%url, %error, "direct failed as filtering does: trying the proxy");
                    let proxied = self.get_via(Way::Proxy, &parsed, call, cancel).await;
                    if proxied.is_ok() {
                        self.remember_filtered(&host);
                    }
                    proxied
                }
                direct => direct,
            },
        }
    }

    fn known_filtered(&self, host: &str) -> bool {
        let mut hosts = self
            .filtered_hosts
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        match hosts.get(host) {
            Some(since) if since.elapsed() < FILTERED_FOR => true,
            Some(_) => {
                hosts.remove(host);
                false
            }
            None => false,
        }
    }

    fn remember_filtered(&self, host: &str) {
        self.filtered_hosts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(host.to_owned(), tokio::time::Instant::now());
    }

    /// One way, with the retries of what may pass.
    async fn get_via(
        &self,
        way: Way,
        url: &url::Url,
        call: &Call<'_>,
        cancel: &Cancel,
    ) -> Result<Fetched, FetchError> {
        let (client, way) = match (way, &self.proxied) {
            (Way::Proxy, Some(proxied)) => (&proxied.client, Way::Proxy),
            _ => (&self.direct, Way::Direct),
        };
        let slots = self.host_slots(url);
        let mut attempt = 0;
        loop {
            if cancel.is_cancelled() {
                return Err(FetchError::Cancelled);
            }
            let result = {
                let _slot = slots.acquire().await.map_err(|_| FetchError::Cancelled)?;
                match self.get_once(client, way, url, call, cancel).await {
                    Err(error) if way == Way::Proxy => Err(self.blame_the_proxy(error).await),
                    other => other,
                }
            };
            match result {
                Err(error) if error.may_pass() && attempt < self.limits.retries => {
                    attempt += 1;
                    let wait = self.limits.backoff * 2u32.pow(attempt - 1);
                    tracing::debug!(%url, %error, attempt, "retrying");
                    tokio::time::sleep(wait).await;
                }
                other => return other,
            }
        }
    }

    /// A failure through the proxy that the proxy itself caused: it cannot
    /// be reached, or it refused the credentials.
    async fn blame_the_proxy(&self, error: FetchError) -> FetchError {
        let FetchError::Network(message) = &error else {
            return error;
        };
        let lower = message.to_ascii_lowercase();
        // hyper-util's words for a refused CONNECT and a refused SOCKS5 login.
        if lower.contains("proxy authorization required")
            || lower.contains("credentials not accepted")
            || lower.contains("authentication")
        {
            return FetchError::ProxyAuth;
        }
        let Some(address) = self.proxied.as_ref().and_then(|p| p.address.as_deref()) else {
            return error;
        };
        let reachable = tokio::time::timeout(
            self.limits.connect_timeout,
            tokio::net::TcpStream::connect(address),
        )
        .await;
        match reachable {
            Ok(Ok(_)) => error,
            Ok(Err(cause)) => FetchError::ProxyUnreachable(format!("{address}: {cause}")),
            Err(_) => FetchError::ProxyUnreachable(format!("{address}: no answer")),
        }
    }

    async fn get_once(
        &self,
        client: &reqwest::Client,
        way: Way,
        url: &url::Url,
        call: &Call<'_>,
        cancel: &Cancel,
    ) -> Result<Fetched, FetchError> {
        let mut request = match call.form {
            Some(form) => client.post(url.clone()).form(form),
            None => client.get(url.clone()),
        };
        if let Some(authorization) = call.authorization {
            request = request.header(reqwest::header::AUTHORIZATION, authorization);
        }
        if let Some(validators) = call.validators {
            if let Some(etag) = &validators.etag {
                request = request.header(reqwest::header::IF_NONE_MATCH, etag);
            }
            if let Some(date) = &validators.last_modified {
                request = request.header(reqwest::header::IF_MODIFIED_SINCE, date);
            }
        }
        let mut response = request
            .send()
            .await
            .map_err(|error| classify(error, way, url))?;
        let status = response.status();
        if status == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if way == Way::Proxy && proxy_refused_credentials(&response) {
            return Err(FetchError::ProxyAuth);
        }
        if status == reqwest::StatusCode::FORBIDDEN {
            // The filter's block page is a 403 with a small body: read it.
            let mut body = Vec::new();
            while let Ok(Some(chunk)) = response.chunk().await {
                body.extend_from_slice(&chunk);
                if body.len() > network::BLOCK_PAGE_MAX {
                    break;
                }
            }
            if network::is_block_page(403, &body) {
                return Err(FetchError::Filtered(format!(
                    "{url} answered with the filter's block page"
                )));
            }
            return Err(FetchError::HttpStatus(403));
        }
        if !status.is_success() {
            return Err(FetchError::HttpStatus(status.as_u16()));
        }
        let max = self.limits.max_body;
        if response.content_length().is_some_and(|n| n > max as u64) {
            return Err(FetchError::TooLarge(max));
        }
        let header = |name: reqwest::header::HeaderName| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let validators = Validators {
            etag: header(reqwest::header::ETAG),
            last_modified: header(reqwest::header::LAST_MODIFIED),
        };
        let content_type = header(reqwest::header::CONTENT_TYPE).map(|t| t.to_ascii_lowercase());
        let final_url = response.url().clone();
        let mut bytes = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|error| classify(error, way, url))?
        {
            if cancel.is_cancelled() {
                return Err(FetchError::Cancelled);
            }
            if bytes.len() + chunk.len() > max {
                return Err(FetchError::TooLarge(max));
            }
            bytes.extend_from_slice(&chunk);
        }
        if network::is_block_page(status.as_u16(), &bytes) {
            return Err(FetchError::Filtered(format!(
                "{url} answered with the filter's block page"
            )));
        }
        Ok(Fetched::Body(Body {
            bytes,
            url: final_url,
            validators,
            content_type,
            via: way,
        }))
    }
}

/// What a request carries besides its address.
#[derive(Default)]
struct Call<'a> {
    /// For a conditional GET.
    validators: Option<&'a Validators>,
    /// A POST of this form instead of a GET.
    form: Option<&'a [(&'a str, &'a str)]>,
    authorization: Option<&'a str>,
}

/// A proxy's "who are you": 407, or a 401 whose realm names a proxy (what
/// tinyproxy 1.11 answers a plain-HTTP request with).
fn proxy_refused_credentials(response: &reqwest::Response) -> bool {
    match response.status() {
        reqwest::StatusCode::PROXY_AUTHENTICATION_REQUIRED => true,
        reqwest::StatusCode::UNAUTHORIZED => response
            .headers()
            .get(reqwest::header::WWW_AUTHENTICATE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().contains("proxy")),
        _ => false,
    }
}
