//! What any server's API gives, in one form: a subscription and an item.

/// A subscription as a server lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteFeed {
    /// The server's stream id (`feed/12`; `fever/12` for a Fever feed).
    pub id: String,
    pub title: String,
    pub site_url: Option<String>,
    pub folder: Option<String>,
}

/// An item as a server sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteItem {
    /// The item's id as a decimal number: the article's guid.
    pub id: String,
    /// The stream id of its subscription.
    pub stream: String,
    pub title: Option<String>,
    pub link: Option<String>,
    /// Its HTML, not yet sanitized.
    pub html: String,
    pub author: Option<String>,
    pub published: Option<i64>,
    /// When the server took it (microseconds), where the API says.
    pub taken_usec: Option<i64>,
}
