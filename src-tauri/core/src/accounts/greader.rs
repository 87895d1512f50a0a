//! The Google Reader API as FreshRSS, Miniflux, Inoreader, The Old Reader
//! and BazQux serve it: log in (`ClientLogin`), then JSON calls with
//! `Authorization: GoogleLogin auth=…`; writes also carry the token `T`.
//! Every call goes through the one [`Fetcher`] (so it takes the network's
//! route and limits) and is counted, for the benchmark's "requests per
//! sync".

use serde::Deserialize;

use super::remote::{RemoteFeed, RemoteItem};
use super::AccountError;
use crate::feeds::fetch::{FetchError, Fetcher};
use crate::feeds::Cancel;

/// Items asked for in one page of a stream.
pub const PAGE: usize = 1000;
/// Item ids sent in one `edit-tag` or `items/contents` call.
pub const IDS_PER_CALL: usize = 250;

pub const READ: &str = "user/-/state/com.google/read";
pub const STARRED: &str = "user/-/state/com.google/starred";
pub const READING_LIST: &str = "user/-/state/com.google/reading-list";
const LABEL: &str = "user/-/label/";

/// A logged-in session with one server.
pub struct Session<'a> {
    fetcher: &'a Fetcher,
    /// The API's root, without a trailing slash (`…/api/greader.php`).
    root: String,
    user: String,
    password: String,
    auth: String,
    token: Option<String>,
    cancel: &'a Cancel,
    /// Requests made so far.
    pub requests: u32,
}

/// One subscription as the server lists it.
#[derive(Debug, Clone, Deserialize)]
pub struct Subscription {
    /// The stream id, `feed/12`.
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default, rename = "htmlUrl")]
    pub html_url: Option<String>,
    #[serde(default)]
    pub categories: Vec<Category>,
}

impl Subscription {
    pub fn into_remote(self) -> RemoteFeed {
        RemoteFeed {
            folder: self.folder(),
            id: self.id,
            title: self.title,
            site_url: self.html_url,
        }
    }

    /// Its folder: the first label.
    pub fn folder(&self) -> Option<String> {
        self.categories
            .iter()
            .find_map(|c| c.id.strip_prefix(LABEL).map(|_| c.label.clone()))
            .flatten()
            .filter(|l| !l.trim().is_empty())
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Category {
    pub id: String,
    #[serde(default)]
    pub label: Option<String>,
}

#[derive(Deserialize)]
struct SubscriptionList {
    subscriptions: Vec<Subscription>,
}

/// One item of a stream, as the server sends it.
#[derive(Debug, Clone, Deserialize)]
pub struct Item {
    /// `tag:google.com,2005:reader/item/<16 hex digits>`, or the number.
    pub id: String,
    #[serde(default, rename = "crawlTimeMsec")]
    pub crawl_time_msec: Option<String>,
    #[serde(default, rename = "timestampUsec")]
    pub timestamp_usec: Option<String>,
    #[serde(default)]
    pub published: Option<i64>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub canonical: Vec<Link>,
    #[serde(default)]
    pub alternate: Vec<Link>,
    #[serde(default)]
    pub categories: Vec<String>,
    pub origin: Origin,
    #[serde(default)]
    pub summary: Option<Content>,
    #[serde(default)]
    pub content: Option<Content>,
    #[serde(default)]
    pub author: Option<String>,
}

impl Item {
    /// The item's id as a decimal number (what `stream/items/ids` gives),
    /// the one form Barg stores.
    pub fn number(&self) -> Option<String> {
        item_number(&self.id)
    }

    /// In the one form every API's items take; `None` without an id.
    pub fn into_remote(self) -> Option<RemoteItem> {
        let taken_usec = self.taken_usec();
        let link = self
            .canonical
            .iter()
            .chain(&self.alternate)
            .map(|l| l.href.clone())
            .next();
        Some(RemoteItem {
            id: self.number()?,
            stream: self.origin.stream_id,
            title: self.title,
            link,
            html: self
                .content
                .or(self.summary)
                .map(|c| c.content)
                .unwrap_or_default(),
            author: self.author,
            published: self.published,
            taken_usec,
        })
    }

    /// When the server took it, in microseconds (`timestampUsec`, else
    /// `crawlTimeMsec`): the reading list's order.
    pub fn taken_usec(&self) -> Option<i64> {
        let usec = self
            .timestamp_usec
            .as_deref()
            .and_then(|t| t.parse::<i64>().ok());
        usec.or_else(|| {
            self.crawl_time_msec
                .as_deref()?
                .parse::<i64>()
                .ok()
                .map(|ms| ms * 1000)
        })
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Link {
    pub href: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Origin {
    #[serde(rename = "streamId")]
    pub stream_id: String,
    #[serde(default)]
    pub title: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Content {
    pub content: String,
}

#[derive(Deserialize)]
struct Stream {
    #[serde(default)]
    items: Vec<Item>,
    #[serde(default)]
    continuation: Option<String>,
}

#[derive(Deserialize)]
struct ItemRefs {
    #[serde(default, rename = "itemRefs")]
    item_refs: Vec<ItemRef>,
    #[serde(default)]
    continuation: Option<String>,
}

#[derive(Deserialize)]
struct ItemRef {
    id: String,
}

/// An item id in any of its forms (`tag:…/item/<hex>`, the bare hex, or
/// the decimal number) as the decimal number.
pub fn item_number(id: &str) -> Option<String> {
    if let Some(hex) = id.rsplit_once("/item/").map(|(_, hex)| hex) {
        return u64::from_str_radix(hex, 16).ok().map(|n| n.to_string());
    }
    id.parse::<u64>().ok().map(|n| n.to_string())
}

/// The label stream of a folder.
pub fn label(folder: &str) -> String {
    format!("{LABEL}{folder}")
}

impl<'a> Session<'a> {
    /// Logs in with the user and API password.
    pub async fn login(
        fetcher: &'a Fetcher,
        url: &str,
        user: &str,
        password: &str,
        cancel: &'a Cancel,
    ) -> Result<Session<'a>, AccountError> {
        let mut session = Session {
            fetcher,
            root: url.trim_end_matches('/').to_owned(),
            user: user.to_owned(),
            password: password.to_owned(),
            auth: String::new(),
            token: None,
            cancel,
            requests: 0,
        };
        session.log_in_again().await?;
        Ok(session)
    }

    async fn log_in_again(&mut self) -> Result<(), AccountError> {
        let url = format!("{}/accounts/ClientLogin", self.root);
        self.requests += 1;
        let form = [
            ("Email", self.user.as_str()),
            ("Passwd", self.password.as_str()),
        ];
        let body = match self
            .fetcher
            .call_api(&url, Some(&form), None, self.cancel)
            .await
        {
            Err(FetchError::HttpStatus(401 | 403)) => return Err(AccountError::Auth),
            other => other?,
        };
        let text = String::from_utf8_lossy(&body.bytes);
        let auth = text
            .lines()
            .find_map(|line| line.strip_prefix("Auth="))
            .map(str::trim)
            .filter(|auth| !auth.is_empty())
            .ok_or_else(|| {
                AccountError::Answer(format!("{url}: no Auth= line in the login answer"))
            })?;
        self.auth = format!("GoogleLogin auth={auth}");
        self.token = None;
        Ok(())
    }

    /// A call to `reader/api/0/<path>`; a 401 logs in once more and tries
    /// again, then is [`AccountError::Auth`].
    async fn call(
        &mut self,
        path: &str,
        form: Option<&[(&str, &str)]>,
    ) -> Result<Vec<u8>, AccountError> {
        let url = format!("{}/reader/api/0/{path}", self.root);
        for attempt in 0..2 {
            self.requests += 1;
            // A write carries the token; it is asked for once per session.
            let token = self.token.clone();
            let with_token: Option<Vec<(&str, &str)>> = form.map(|form| {
                form.iter()
                    .copied()
                    .chain(token.as_deref().map(|t| ("T", t)))
                    .collect()
            });
            let answer = self
                .fetcher
                .call_api(&url, with_token.as_deref(), Some(&self.auth), self.cancel)
                .await;
            match answer {
                Ok(body) => return Ok(body.bytes),
                Err(FetchError::HttpStatus(401)) if attempt == 0 => {
                    self.log_in_again().await?;
                    if form.is_some() {
                        self.fetch_token().await?;
                    }
                }
                Err(FetchError::HttpStatus(401)) => return Err(AccountError::Auth),
                Err(error) => return Err(error.into()),
            }
        }
        Err(AccountError::Auth)
    }

    async fn json<T: serde::de::DeserializeOwned>(
        &mut self,
        path: &str,
        form: Option<&[(&str, &str)]>,
    ) -> Result<T, AccountError> {
        let bytes = self.call(path, form).await?;
        serde_json::from_slice(&bytes).map_err(|error| {
            let start: String = String::from_utf8_lossy(&bytes).chars().take(80).collect();
            AccountError::Answer(format!("{path}: {error} (the answer begins {start:?})"))
        })
    }

    async fn fetch_token(&mut self) -> Result<(), AccountError> {
        self.token = None;
        self.requests += 1;
        let url = format!("{}/reader/api/0/token", self.root);
        let bytes = match self
            .fetcher
            .call_api(&url, None, Some(&self.auth), self.cancel)
            .await
        {
            Err(FetchError::HttpStatus(401)) => return Err(AccountError::Auth),
            other => other?.bytes,
        };
        let token = String::from_utf8_lossy(&bytes).trim().to_owned();
        if token.is_empty() || token.contains('<') {
            return Err(AccountError::Answer("token: not a token".into()));
        }
        self.token = Some(token);
        Ok(())
    }

    /// A write: `path` with `form` and the token.
    async fn write(&mut self, path: &str, form: &[(&str, &str)]) -> Result<(), AccountError> {
        if self.token.is_none() {
            self.fetch_token().await?;
        }
        let answer = self.call(path, Some(form)).await?;
        let answer = String::from_utf8_lossy(&answer);
        if path == "edit-tag" && answer.trim() != "OK" {
            return Err(AccountError::Answer(format!("{path}: {}", answer.trim())));
        }
        Ok(())
    }

    pub async fn subscriptions(&mut self) -> Result<Vec<Subscription>, AccountError> {
        Ok(self
            .json::<SubscriptionList>("subscription/list?output=json", None)
            .await?
            .subscriptions)
    }

    /// Up to `limit` items of `stream`, newest first; with `since`, only
    /// those the server took at or after it (seconds). Follows the
    /// continuation, handing each page to `on_page` as it arrives (so it
    /// is stored while the next one downloads). Returns how many came.
    pub async fn items(
        &mut self,
        stream: &str,
        since: Option<i64>,
        limit: usize,
        mut on_page: impl FnMut(Vec<Item>),
    ) -> Result<usize, AccountError> {
        let mut count = 0;
        let mut continuation: Option<String> = None;
        while count < limit {
            let n = PAGE.min(limit - count);
            let mut path = format!("stream/contents/{stream}?output=json&n={n}");
            if let Some(since) = since {
                path.push_str(&format!("&ot={since}"));
            }
            if let Some(c) = &continuation {
                path.push_str(&format!("&c={}", encode(c)));
            }
            let page: Stream = self.json(&path, None).await?;
            let got = page.items.len();
            count += got;
            on_page(page.items);
            match page.continuation.filter(|c| !c.is_empty()) {
                Some(next) if got > 0 && Some(&next) != continuation.as_ref() => {
                    continuation = Some(next)
                }
                _ => break,
            }
        }
        Ok(count)
    }

    /// Every item id (decimal) in `stream`, minus those in `exclude`.
    pub async fn ids(
        &mut self,
        stream: &str,
        exclude: Option<&str>,
    ) -> Result<Vec<String>, AccountError> {
        let mut ids = Vec::new();
        let mut continuation: Option<String> = None;
        loop {
            let mut path = format!("stream/items/ids?output=json&s={stream}&n=10000");
            if let Some(exclude) = exclude {
                path.push_str(&format!("&xt={exclude}"));
            }
            if let Some(c) = &continuation {
                path.push_str(&format!("&c={}", encode(c)));
            }
            let page: ItemRefs = self.json(&path, None).await?;
            let got = page.item_refs.len();
            ids.extend(
                page.item_refs
                    .into_iter()
                    .filter_map(|r| item_number(&r.id)),
            );
            match page.continuation.filter(|c| !c.is_empty()) {
                Some(next) if got > 0 && Some(&next) != continuation.as_ref() => {
                    continuation = Some(next)
                }
                _ => break,
            }
        }
        Ok(ids)
    }

    /// The items with these ids.
    pub async fn items_by_id(&mut self, ids: &[String]) -> Result<Vec<Item>, AccountError> {
        let mut items = Vec::new();
        for chunk in ids.chunks(IDS_PER_CALL) {
            let form: Vec<(&str, &str)> = chunk.iter().map(|id| ("i", id.as_str())).collect();
            let page: Stream = self
                .json("stream/items/contents?output=json", Some(&form))
                .await?;
            items.extend(page.items);
        }
        Ok(items)
    }

    /// Adds (`add`) or removes a state such as [`READ`] on these items.
    pub async fn edit_tag(
        &mut self,
        ids: &[String],
        state: &str,
        add: bool,
    ) -> Result<(), AccountError> {
        for chunk in ids.chunks(IDS_PER_CALL) {
            let mut form: Vec<(&str, &str)> = chunk.iter().map(|id| ("i", id.as_str())).collect();
            form.push((if add { "a" } else { "r" }, state));
            self.write("edit-tag", &form).await?;
        }
        Ok(())
    }

    /// Subscribes the account to `url`; the stream id it gets.
    pub async fn subscribe(&mut self, url: &str) -> Result<String, AccountError> {
        if self.token.is_none() {
            self.fetch_token().await?;
        }
        #[derive(Deserialize)]
        struct Added {
            #[serde(default, rename = "streamId")]
            stream_id: Option<String>,
            #[serde(default)]
            error: Option<String>,
        }
        let added: Added = self
            .json("subscription/quickadd", Some(&[("quickadd", url)]))
            .await?;
        match added.stream_id {
            Some(id) if !id.is_empty() => Ok(id),
            _ => Err(AccountError::Refused(
                added
                    .error
                    .unwrap_or_else(|| format!("{url} was not added")),
            )),
        }
    }

    /// Moves a subscription from one folder to another, renames it, or
    /// unsubscribes (`subscription/edit`).
    pub async fn edit_subscription(&mut self, form: &[(&str, &str)]) -> Result<(), AccountError> {
        self.write("subscription/edit", form).await
    }
}

/// A query value, percent-encoded.
fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_id_in_any_form_is_one_number() {
        let cases = [
            (
                "tag:google.com,2005:reader/item/000661dd8acf22dc",
                Some("1796454004761308"),
            ),
            ("1796454004761308", Some("1796454004761308")),
            ("42", Some("42")),
            ("tag:google.com,2005:reader/item/zz", None),
            ("not an id", None),
        ];
        for (id, number) in cases {
            assert_eq!(item_number(id).as_deref(), number, "{id}");
        }
    }
}
