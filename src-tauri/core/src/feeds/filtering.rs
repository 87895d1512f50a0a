//! How a failed request is told apart: what the network's filter does (a
//! name resolved to its address, a reset during the TLS handshake) against
//! a plain network failure; and the resolver that refuses the filter's
//! addresses.

use super::fetch::FetchError;
use crate::network::{self, Way};

pub(super) fn classify(error: reqwest::Error, way: Way, url: &url::Url) -> FetchError {
    if error.is_timeout() {
        return FetchError::Timeout;
    }
    if error.is_redirect() {
        return FetchError::RedirectLoop;
    }
    // The chain of sources says why (refused, DNS, TLS…).
    let mut message = error.to_string();
    let mut reset = false;
    let mut filter_address = false;
    let mut source = std::error::Error::source(&error);
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        if let Some(io) = inner.downcast_ref::<std::io::Error>() {
            reset |= io.kind() == std::io::ErrorKind::ConnectionReset;
        }
        filter_address |= inner.downcast_ref::<FilterAddress>().is_some();
        source = inner.source();
    }
    // The reset may reach here as text only (wrapped by the TLS layer).
    reset |= message.to_ascii_lowercase().contains("connection reset");
    if filter_address {
        return FetchError::Filtered(message);
    }
    // A connection cut as soon as the TLS handshake starts is how the filter
    // stops a blocked name (it reads the name in the ClientHello).
    if reset && way == Way::Direct && url.scheme() == "https" {
        return FetchError::Filtered(format!(
            "the connection was reset during the TLS handshake: {message}"
        ));
    }
    FetchError::Network(message)
}

/// A name resolved to one of the filter's addresses (the filter's DNS
/// answers so for a blocked name).
#[derive(Debug)]
struct FilterAddress(String);

impl std::fmt::Display for FilterAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} resolves to the filter's address", self.0)
    }
}

impl std::error::Error for FilterAddress {}

/// The system's resolver, refusing the filter's addresses.
pub(super) struct FilterAwareResolver;

impl reqwest::dns::Resolve for FilterAwareResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<std::net::SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if found.iter().any(|a| network::is_filter_address(a.ip())) {
                return Err(
                    Box::new(FilterAddress(host)) as Box<dyn std::error::Error + Send + Sync>
                );
            }
            Ok(Box::new(found.into_iter()) as reqwest::dns::Addrs)
        })
    }
}
