//! The one way Barg reaches the network: an HTTP client with limits that
//! hold whatever a server does. Bounded concurrency per host, connect and
//! total timeouts (a server that sends a byte a second ends in a timeout),
//! a redirect limit, a maximum body size checked while reading (so a gzip
//! bomb stops at the limit, decoded), conditional GET, and retries with
//! backoff for errors that may pass.

use crate::Code;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::Semaphore;

use super::Cancel;

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
        }
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
    client: reqwest::Client,
    limits: Limits,
    hosts: Mutex<HashMap<String, Arc<Semaphore>>>,
}

/// How Barg introduces itself to servers.
pub const USER_AGENT: &str = concat!(
    "Barg/",
    env!("CARGO_PKG_VERSION"),
    " (Persian-first feed reader; +https://github.com/barg-reader)"
);

impl Fetcher {
    pub fn new(limits: Limits) -> Result<Self, FetchError> {
        let client = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(limits.connect_timeout)
            .timeout(limits.timeout)
            .redirect(reqwest::redirect::Policy::limited(limits.max_redirects))
            .gzip(true)
            .brotli(true)
            .deflate(true)
            .build()
            .map_err(|e| FetchError::Network(e.to_string()))?;
        Ok(Self {
            client,
            limits,
            hosts: Mutex::new(HashMap::new()),
        })
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

    /// GETs `url` (conditionally, when validators are given), retrying what
    /// may pass, within the limits.
    pub async fn get(
        &self,
        url: &str,
        validators: Option<&Validators>,
        cancel: &Cancel,
    ) -> Result<Fetched, FetchError> {
        let parsed = url::Url::parse(url).map_err(|e| FetchError::InvalidUrl(e.to_string()))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(FetchError::InvalidUrl(url.to_owned()));
        }
        let slots = self.host_slots(&parsed);
        let mut attempt = 0;
        loop {
            if cancel.is_cancelled() {
                return Err(FetchError::Cancelled);
            }
            let result = {
                let _slot = slots.acquire().await.map_err(|_| FetchError::Cancelled)?;
                self.get_once(&parsed, validators, cancel).await
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

    async fn get_once(
        &self,
        url: &url::Url,
        validators: Option<&Validators>,
        cancel: &Cancel,
    ) -> Result<Fetched, FetchError> {
        let mut request = self.client.get(url.clone());
        if let Some(validators) = validators {
            if let Some(etag) = &validators.etag {
                request = request.header(reqwest::header::IF_NONE_MATCH, etag);
            }
            if let Some(date) = &validators.last_modified {
                request = request.header(reqwest::header::IF_MODIFIED_SINCE, date);
            }
        }
        let mut response = request.send().await.map_err(classify)?;
        let status = response.status();
        if status == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
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
        while let Some(chunk) = response.chunk().await.map_err(classify)? {
            if cancel.is_cancelled() {
                return Err(FetchError::Cancelled);
            }
            if bytes.len() + chunk.len() > max {
                return Err(FetchError::TooLarge(max));
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Fetched::Body(Body {
            bytes,
            url: final_url,
            validators,
            content_type,
        }))
    }
}

fn classify(error: reqwest::Error) -> FetchError {
    if error.is_timeout() {
        FetchError::Timeout
    } else if error.is_redirect() {
        FetchError::RedirectLoop
    } else {
        // The chain of sources says why (refused, DNS, TLS…).
        let mut message = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(inner) = source {
            message.push_str(": ");
            message.push_str(&inner.to_string());
            source = inner.source();
        }
        FetchError::Network(message)
    }
}
