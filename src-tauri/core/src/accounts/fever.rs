//! The Fever API as FreshRSS, Miniflux and coldsweat serve it: every call
//! is a POST of `api_key` (the MD5 of `user:password`) to `<url>?api&…`,
//! answered with JSON that says `auth`. It reads items, read and saved,
//! and marks them one at a time; it cannot change subscriptions.
//!
//! Servers differ in ways a client must survive: FreshRSS sends item ids
//! as 16-digit strings and coldsweat as small numbers; coldsweat takes the
//! key and `mark` only as POSTed form fields (so everything is POSTed);
//! an unknown id may be answered with an HTML 404 page; id lists come in
//! any order.

use serde::Deserialize;
use serde_json::Value;

use super::remote::{RemoteFeed, RemoteItem};
use super::AccountError;
use crate::feeds::fetch::{FetchError, Fetcher};
use crate::feeds::Cancel;

/// Items in one answer (the API's fixed page).
pub const PAGE: usize = 50;

pub struct Session<'a> {
    fetcher: &'a Fetcher,
    url: String,
    key: String,
    cancel: &'a Cancel,
    pub requests: u32,
}

/// An id as a string, whether the server sent a number or a string.
fn id_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => s.trim().parse::<u64>().ok().map(|n| n.to_string()),
        Value::Number(n) => n.as_u64().map(|n| n.to_string()),
        _ => None,
    }
}

/// A comma-separated list of ids (`"1,2,3"`), in any order.
fn id_list(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(list)) => list
            .split(',')
            .filter_map(|id| id.trim().parse::<u64>().ok().map(|n| n.to_string()))
            .collect(),
        _ => Vec::new(),
    }
}

fn flag(value: Option<&Value>) -> bool {
    match value {
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_i64() == Some(1),
        Some(Value::String(s)) => s == "1",
        _ => false,
    }
}

#[derive(Deserialize)]
struct Feed {
    id: Value,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    site_url: Option<String>,
}

#[derive(Deserialize)]
struct Group {
    id: Value,
    #[serde(default)]
    title: Option<String>,
}

#[derive(Deserialize)]
struct FeedsGroup {
    group_id: Value,
    #[serde(default)]
    feed_ids: String,
}

/// The stream id Barg keeps for a Fever feed.
pub fn stream_of(feed_id: &str) -> String {
    format!("fever/{feed_id}")
}

impl<'a> Session<'a> {
    /// Checks the key (`auth: 1`).
    pub async fn login(
        fetcher: &'a Fetcher,
        url: &str,
        user: &str,
        password: &str,
        cancel: &'a Cancel,
    ) -> Result<Session<'a>, AccountError> {
        use md5::Digest;
        let key = format!("{:x}", md5::Md5::digest(format!("{user}:{password}")));
        let mut session = Session {
            fetcher,
            url: url.trim_end_matches(['?', '&']).to_owned(),
            key,
            cancel,
            requests: 0,
        };
        session.call("", &[]).await?;
        Ok(session)
    }

    /// A call: `<url>?api&<query>`, the key and `form` POSTed.
    async fn call(&mut self, query: &str, form: &[(&str, &str)]) -> Result<Value, AccountError> {
        let separator = if self.url.contains('?') { '&' } else { '?' };
        let url = match query {
            "" => format!("{}{separator}api", self.url),
            query => format!("{}{separator}api&{query}", self.url),
        };
        let mut fields = vec![("api_key", self.key.as_str())];
        fields.extend_from_slice(form);
        self.requests += 1;
        let body = match self
            .fetcher
            .call_api(&url, Some(&fields), None, self.cancel)
            .await
        {
            Err(FetchError::HttpStatus(401 | 403)) => return Err(AccountError::Auth),
            other => other?,
        };
        let answer: Value = serde_json::from_slice(&body.bytes).map_err(|error| {
            let start: String = String::from_utf8_lossy(&body.bytes)
                .chars()
                .take(80)
                .collect();
            AccountError::Answer(format!("{query}: {error} (the answer begins {start:?})"))
        })?;
        match answer.get("auth").map(|a| flag(Some(a))) {
            Some(true) => Ok(answer),
            Some(false) => Err(AccountError::Auth),
            None => Err(AccountError::Answer(format!(
                "{query}: no auth in the answer"
            ))),
        }
    }

    /// The feeds, each in its (first) group as its folder.
    pub async fn feeds(&mut self) -> Result<Vec<RemoteFeed>, AccountError> {
        let groups = self.call("groups", &[]).await?;
        let feeds = self.call("feeds", &[]).await?;
        let parse = |value: Option<&Value>| -> Result<Value, AccountError> {
            Ok(value.cloned().unwrap_or(Value::Array(Vec::new())))
        };
        let answer = |e: serde_json::Error| AccountError::Answer(format!("feeds: {e}"));
        let group_list: Vec<Group> =
            serde_json::from_value(parse(groups.get("groups"))?).map_err(answer)?;
        let memberships: Vec<FeedsGroup> =
            serde_json::from_value(parse(feeds.get("feeds_groups"))?).map_err(answer)?;
        let feed_list: Vec<Feed> =
            serde_json::from_value(parse(feeds.get("feeds"))?).map_err(answer)?;
        let title_of = |group: &Value| {
            let id = id_text(group)?;
            group_list
                .iter()
                .find(|g| id_text(&g.id).as_deref() == Some(&id))
                .and_then(|g| g.title.clone())
        };
        Ok(feed_list
            .into_iter()
            .filter_map(|feed| {
                let id = id_text(&feed.id)?;
                let folder = memberships
                    .iter()
                    .find(|m| m.feed_ids.split(',').any(|f| f.trim() == id))
                    .and_then(|m| title_of(&m.group_id))
                    .filter(|t| !t.trim().is_empty());
                Some(RemoteFeed {
                    id: stream_of(&id),
                    title: feed.title.unwrap_or_else(|| id.clone()),
                    site_url: feed.site_url,
                    folder,
                })
            })
            .collect())
    }

    async fn items_page(&mut self, query: &str) -> Result<Vec<RemoteItem>, AccountError> {
        let answer = self.call(query, &[]).await?;
        let Some(Value::Array(items)) = answer.get("items") else {
            return Err(AccountError::Answer(format!(
                "{query}: no items in the answer"
            )));
        };
        Ok(items.iter().filter_map(item_of).collect())
    }

    /// The newest `limit` items (paging down from the newest), or with
    /// `since`, every item with a larger id; each page handed to `on_page`
    /// as it arrives. Returns the largest id seen.
    pub async fn items(
        &mut self,
        since: Option<u64>,
        limit: usize,
        mut on_page: impl FnMut(Vec<RemoteItem>),
    ) -> Result<Option<u64>, AccountError> {
        let mut count = 0;
        let mut largest = None;
        let ids = |page: &[RemoteItem]| -> Vec<u64> {
            page.iter()
                .filter_map(|i| i.id.parse::<u64>().ok())
                .collect()
        };
        match since {
            None => {
                let mut below = i64::MAX as u64;
                while count < limit {
                    let mut page = self.items_page(&format!("items&max_id={below}")).await?;
                    let numbers = ids(&page);
                    let (Some(&lowest), Some(&highest)) =
                        (numbers.iter().min(), numbers.iter().max())
                    else {
                        break;
                    };
                    largest = largest.max(Some(highest));
                    let full = page.len() >= PAGE;
                    page.truncate(limit - count);
                    count += page.len();
                    on_page(page);
                    if !full || lowest >= below {
                        break;
                    }
                    below = lowest;
                }
            }
            Some(mut after) => loop {
                let page = self.items_page(&format!("items&since_id={after}")).await?;
                let Some(&highest) = ids(&page).iter().max() else {
                    break;
                };
                largest = largest.max(Some(highest));
                let full = page.len() >= PAGE;
                on_page(page);
                if !full || highest <= after {
                    break;
                }
                after = highest;
            },
        }
        Ok(largest)
    }

    pub async fn unread_ids(&mut self) -> Result<Vec<String>, AccountError> {
        let answer = self.call("unread_item_ids", &[]).await?;
        Ok(id_list(answer.get("unread_item_ids")))
    }

    pub async fn saved_ids(&mut self) -> Result<Vec<String>, AccountError> {
        let answer = self.call("saved_item_ids", &[]).await?;
        Ok(id_list(answer.get("saved_item_ids")))
    }

    /// The items with these ids (an id the server does not know is left
    /// out).
    pub async fn items_by_id(&mut self, ids: &[String]) -> Result<Vec<RemoteItem>, AccountError> {
        let mut items = Vec::new();
        for chunk in ids.chunks(PAGE) {
            match self
                .items_page(&format!("items&with_ids={}", chunk.join(",")))
                .await
            {
                Ok(page) => items.extend(page),
                // coldsweat answers an id it does not know with a 404 page.
                Err(AccountError::Fetch(FetchError::HttpStatus(404))) => {}
                Err(error) => return Err(error),
            }
        }
        Ok(items)
    }

    /// Marks one item `read`, `unread`, `saved` or `unsaved`. An item the
    /// server no longer has (a 404) is nothing to mark.
    pub async fn mark(&mut self, id: &str, state: &str) -> Result<(), AccountError> {
        match self
            .call("", &[("mark", "item"), ("as", state), ("id", id)])
            .await
        {
            Err(AccountError::Fetch(FetchError::HttpStatus(404))) => Ok(()),
            other => other.map(|_| ()),
        }
    }
}

fn item_of(value: &Value) -> Option<RemoteItem> {
    let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
    Some(RemoteItem {
        id: id_text(value.get("id")?)?,
        stream: stream_of(&id_text(value.get("feed_id")?)?),
        title: text("title"),
        link: text("url"),
        html: text("html").unwrap_or_default(),
        author: text("author").filter(|a| !a.is_empty()),
        published: value.get("created_on_time").and_then(Value::as_i64),
        taken_usec: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_as_strings_or_numbers_and_lists_in_any_order() {
        assert_eq!(
            id_text(&serde_json::json!("1796454692473825")).as_deref(),
            Some("1796454692473825")
        );
        assert_eq!(
            id_text(&serde_json::json!(42)).as_deref(),
            Some("42"),
            "coldsweat's small numbers"
        );
        assert_eq!(id_text(&serde_json::json!("x")), None);
        assert_eq!(
            id_list(Some(&serde_json::json!("3, 1,2,,x"))),
            vec!["3", "1", "2"],
            "order kept as sent, junk left out"
        );
    }
}
