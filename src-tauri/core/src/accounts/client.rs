//! One logged-in session with an account's server, whichever its API
//! (Google Reader or Fever), and how Barg's queued changes are told to it.

use std::collections::BTreeMap;

use super::greader::{self, READ, READING_LIST, STARRED};
use super::remote::{RemoteFeed, RemoteItem};
use super::{fever, AccountError, AccountKind, Change};
use crate::feeds::fetch::Fetcher;
use crate::feeds::Cancel;

/// A logged-in session with an account's server, whichever its API.
pub(super) enum Client<'a> {
    GReader(greader::Session<'a>),
    Fever(fever::Session<'a>),
}

impl<'a> Client<'a> {
    pub(super) async fn login(
        fetcher: &'a Fetcher,
        kind: AccountKind,
        url: &str,
        user: &str,
        password: &str,
        cancel: &'a Cancel,
    ) -> Result<Client<'a>, AccountError> {
        Ok(match kind {
            AccountKind::GReader => Client::GReader(
                greader::Session::login(fetcher, url, user, password, cancel).await?,
            ),
            AccountKind::Fever => {
                Client::Fever(fever::Session::login(fetcher, url, user, password, cancel).await?)
            }
        })
    }

    pub(super) fn requests(&self) -> u32 {
        match self {
            Client::GReader(session) => session.requests,
            Client::Fever(session) => session.requests,
        }
    }

    pub(super) async fn send(&mut self, changes: &[Change]) -> Result<(), AccountError> {
        match self {
            Client::GReader(session) => send_changes(session, changes).await,
            Client::Fever(session) => {
                let queued = Queued::of(changes);
                for (id, read) in &queued.read {
                    session
                        .mark(id, if *read { "read" } else { "unread" })
                        .await?;
                }
                for (id, star) in &queued.star {
                    session
                        .mark(id, if *star { "saved" } else { "unsaved" })
                        .await?;
                }
                // Fever cannot change subscriptions: Barg refuses such a
                // change to a Fever account's source before it is queued.
                Ok(())
            }
        }
    }

    pub(super) async fn feeds(&mut self) -> Result<Vec<RemoteFeed>, AccountError> {
        match self {
            Client::GReader(session) => Ok(session
                .subscriptions()
                .await?
                .into_iter()
                .map(greader::Subscription::into_remote)
                .collect()),
            Client::Fever(session) => session.feeds().await,
        }
    }

    /// The items new since `newest` (the first sync: the newest `first`),
    /// each page handed to `on_page` as it arrives; returns the mark of the
    /// newest one, for the next sync.
    pub(super) async fn new_items(
        &mut self,
        newest: Option<i64>,
        first: usize,
        mut on_page: impl FnMut(Vec<RemoteItem>),
    ) -> Result<Option<i64>, AccountError> {
        match self {
            // The mark is the newest item's time in microseconds; the API
            // asks by the second (`ot`), so the items of that second that
            // were had, or left out of the first sync's window, are
            // dropped here by their microseconds.
            Client::GReader(session) => {
                let limit = if newest.is_some() { usize::MAX } else { first };
                let since = newest.map(|usec| usec / 1_000_000);
                let mut mark = None;
                session
                    .items(READING_LIST, since, limit, |page| {
                        let page: Vec<RemoteItem> = page
                            .into_iter()
                            .filter_map(greader::Item::into_remote)
                            .filter(|item| match (newest, item.taken_usec) {
                                (Some(newest), Some(taken)) => taken > newest,
                                _ => true,
                            })
                            .collect();
                        mark = mark.max(page.iter().filter_map(|i| i.taken_usec).max());
                        on_page(page);
                    })
                    .await?;
                Ok(mark.or(newest))
            }
            Client::Fever(session) => {
                let mark = session
                    .items(newest.map(|n| n as u64), first, on_page)
                    .await?;
                Ok(mark.and_then(|m| i64::try_from(m).ok()))
            }
        }
    }

    pub(super) async fn unread_ids(&mut self) -> Result<Vec<String>, AccountError> {
        match self {
            Client::GReader(session) => session.ids(READING_LIST, Some(READ)).await,
            Client::Fever(session) => session.unread_ids().await,
        }
    }

    pub(super) async fn starred_ids(&mut self) -> Result<Vec<String>, AccountError> {
        match self {
            Client::GReader(session) => session.ids(STARRED, None).await,
            Client::Fever(session) => session.saved_ids().await,
        }
    }

    pub(super) async fn items_by_id(
        &mut self,
        ids: &[String],
    ) -> Result<Vec<RemoteItem>, AccountError> {
        match self {
            Client::GReader(session) => Ok(session
                .items_by_id(ids)
                .await?
                .into_iter()
                .filter_map(greader::Item::into_remote)
                .collect()),
            Client::Fever(session) => session.items_by_id(ids).await,
        }
    }
}

/// The queue, as what to tell the server: the last read and starred state
/// of each item, the first and last folder of each subscription, its last
/// title, and the subscriptions to drop.
#[derive(Default)]
struct Queued<'c> {
    read: BTreeMap<&'c str, bool>,
    star: BTreeMap<&'c str, bool>,
    folders: BTreeMap<&'c str, (String, String)>,
    titles: BTreeMap<&'c str, &'c str>,
    gone: Vec<&'c str>,
}

impl<'c> Queued<'c> {
    fn of(changes: &'c [Change]) -> Self {
        let mut queued = Queued::default();
        for change in changes {
            let target = change.target.as_str();
            match change.kind.as_str() {
                "read" | "unread" => {
                    queued.read.insert(target, change.kind == "read");
                }
                "star" | "unstar" => {
                    queued.star.insert(target, change.kind == "star");
                }
                "folder" => {
                    let value = change.value.as_deref().unwrap_or("");
                    let (old, new) = value.split_once('\n').unwrap_or(("", value));
                    queued
                        .folders
                        .entry(target)
                        .and_modify(|(_, last)| *last = new.to_owned())
                        .or_insert((old.to_owned(), new.to_owned()));
                }
                "rename" => {
                    queued
                        .titles
                        .insert(target, change.value.as_deref().unwrap_or(""));
                }
                "unsubscribe" => queued.gone.push(target),
                other => tracing::warn!(kind = other, "a queued change of an unknown kind"),
            }
        }
        queued
    }
}

/// Tells the server what Barg changed: the last read state and the last
/// starred state of each item, in a few calls; then folders, titles and
/// unsubscriptions.
async fn send_changes(
    session: &mut greader::Session<'_>,
    changes: &[Change],
) -> Result<(), AccountError> {
    let Queued {
        read,
        star,
        folders,
        titles,
        gone,
    } = Queued::of(changes);
    for (map, state) in [(&read, READ), (&star, STARRED)] {
        for on in [true, false] {
            let ids: Vec<String> = map
                .iter()
                .filter(|(_, v)| **v == on)
                .map(|(k, _)| (*k).to_owned())
                .collect();
            if !ids.is_empty() {
                session.edit_tag(&ids, state, on).await?;
            }
        }
    }
    for (stream, (old, new)) in &folders {
        if old == new || gone.contains(stream) {
            continue;
        }
        let (add, remove) = (greader::label(new), greader::label(old));
        let mut form = vec![("ac", "edit"), ("s", *stream)];
        if !new.is_empty() {
            form.push(("a", add.as_str()));
        }
        if !old.is_empty() {
            form.push(("r", remove.as_str()));
        }
        session.edit_subscription(&form).await?;
    }
    for (stream, title) in &titles {
        if !gone.contains(stream) && !title.is_empty() {
            session
                .edit_subscription(&[("ac", "edit"), ("s", stream), ("t", title)])
                .await?;
        }
    }
    for stream in gone {
        session
            .edit_subscription(&[("ac", "unsubscribe"), ("s", stream)])
            .await?;
    }
    Ok(())
}
