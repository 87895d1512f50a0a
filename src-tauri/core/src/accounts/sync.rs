//! One account's sync, in the order that loses nothing:
//! 1. send Barg's queued changes (and forget them only once the server has
//!    taken them);
//! 2. apply the server's subscriptions and folders;
//! 3. fetch the items new since the last sync (the first sync: the newest
//!    `first_items` of the account and every starred one), store
//!    them like a feed's (folded, indexed, summaries marked);
//! 4. apply the server's read and starred states to what the library has,
//!    except where a change of Barg's is still queued (it is newer);
//! 5. fetch the pages of new summaries and cache images, as a feed's sync
//!    does.
//!
//! Network first, then short write transactions: no lock is held while
//! the server is asked.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use super::client::Client;
use super::greader;
use super::library::ItemState;
use super::remote::RemoteItem;
use super::{AccountError, AccountKind};
use crate::feeds::fetch::{Fetcher, Validators};
use crate::feeds::images::{image_urls, ImageCache, ImageCounts};
use crate::feeds::pages::{self, MAX_PAGES_PER_FEED};
use crate::feeds::{blocking, Cancel, FeedFetch};
use crate::ingest::sanitize::safe_link;
use crate::store::terms::NewTerms;
use crate::store::{content_hash, derive_version};
use crate::{Library, LibraryError, NewArticle, Timestamp};

#[derive(Debug, Clone, Default)]
pub struct AccountSyncOptions {
    /// Cache images of new articles.
    pub images: Option<ImageCache>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountSyncReport {
    pub added: u64,
    pub updated: u64,
    /// Changes of Barg's the server took.
    pub sent: u64,
    /// Articles whose read or bookmarked state the server changed.
    pub states_changed: u64,
    pub subscriptions: u64,
    /// Requests made to the server.
    pub requests: u32,
    pub images: ImageCounts,
}

/// Syncs account `account_id` both ways; `password` is its API password
/// (from the credential store). The account records the outcome.
pub async fn sync_account(
    library: &Arc<Library>,
    fetcher: &Arc<Fetcher>,
    account_id: i64,
    password: &str,
    options: &AccountSyncOptions,
    now: Timestamp,
    cancel: &Cancel,
) -> Result<AccountSyncReport, AccountError> {
    let account = {
        let library = Arc::clone(library);
        blocking(move || library.account(account_id)).await?
    };
    let outcome = sync_with(library, fetcher, &account, password, options, now, cancel).await;
    let record = {
        let library = Arc::clone(library);
        let recorded = match &outcome {
            Ok((_, newest)) => Ok(*newest),
            Err(error) => Err((error.code(), error.to_string())),
        };
        blocking(move || {
            let recorded = recorded
                .as_ref()
                .map(|n| *n)
                .map_err(|(c, m)| (*c, m.as_str()));
            library.record_account_sync(account_id, recorded, now)
        })
    };
    if let Err(error) = record.await {
        tracing::warn!(%error, account_id, "could not record the account's sync");
    }
    outcome.map(|(report, _)| report)
}

/// One account's sync: which account, and how it went.
#[derive(Debug)]
pub struct AccountOutcome {
    pub account: super::Account,
    pub result: Result<AccountSyncReport, AccountError>,
}

/// Syncs every account (or only `only`), one after another; one that
/// fails (its password missing, its server down) does not stop the others.
/// `password_of` gives each account's password.
pub async fn sync_accounts(
    library: &Arc<Library>,
    fetcher: &Arc<Fetcher>,
    only: Option<i64>,
    password_of: impl Fn(&super::Account) -> Result<String, AccountError>,
    options: &AccountSyncOptions,
    now: Timestamp,
    cancel: &Cancel,
) -> Result<Vec<AccountOutcome>, LibraryError> {
    let accounts = {
        let library = Arc::clone(library);
        blocking(move || match only {
            Some(id) => Ok(vec![library.account(id)?]),
            None => library.accounts(),
        })
        .await?
    };
    let mut outcomes = Vec::new();
    for account in accounts {
        if cancel.is_cancelled() {
            break;
        }
        let result = match password_of(&account) {
            Ok(password) => {
                sync_account(
                    library, fetcher, account.id, &password, options, now, cancel,
                )
                .await
            }
            Err(error) => Err(error),
        };
        outcomes.push(AccountOutcome { account, result });
    }
    Ok(outcomes)
}

/// Logs in, to check an account's address, user and password before it
/// is added.
pub async fn check_login(
    fetcher: &Fetcher,
    kind: AccountKind,
    url: &str,
    user: &str,
    password: &str,
    cancel: &Cancel,
) -> Result<(), AccountError> {
    Client::login(fetcher, kind, url, user, password, cancel)
        .await
        .map(|_| ())
}

async fn sync_with(
    library: &Arc<Library>,
    fetcher: &Arc<Fetcher>,
    account: &super::Account,
    password: &str,
    options: &AccountSyncOptions,
    now: Timestamp,
    cancel: &Cancel,
) -> Result<(AccountSyncReport, Option<i64>), AccountError> {
    let id = account.id;
    let mut report = AccountSyncReport::default();
    let mut session = Client::login(
        fetcher,
        account.kind,
        &account.url,
        &account.user,
        password,
        cancel,
    )
    .await?;

    // 1. Barg's changes.
    let changes = {
        let library = Arc::clone(library);
        blocking(move || library.pending_changes(id)).await?
    };
    if let Some(last) = changes.last().map(|c| c.id) {
        session.send(&changes).await?;
        let library = Arc::clone(library);
        blocking(move || library.forget_changes(id, last)).await?;
        report.sent = changes.len() as u64;
    }

    // 2. Subscriptions.
    let subscriptions = session.feeds().await?;
    report.subscriptions = subscriptions.len() as u64;
    let sources = {
        let library = Arc::clone(library);
        blocking(move || library.apply_subscriptions(id, &subscriptions, now)).await?
    };

    // 3. New items.
    // (Starred items outside the first sync's window come in step 4.) Each
    // page is prepared (sanitized, folded) on the blocking pool as soon as
    // it arrives and written in order by one writer, while the next page
    // downloads.
    let sources = Arc::new(sources);
    let (pages, mut prepared_pages) =
        tokio::sync::mpsc::unbounded_channel::<tokio::task::JoinHandle<Prepared>>();
    let writer = {
        let library = Arc::clone(library);
        tokio::spawn(async move {
            let mut stored = Stored::default();
            while let Some(prepared) = prepared_pages.recv().await {
                let prepared = prepared
                    .await
                    .map_err(|e| LibraryError::Internal(e.to_string()))?;
                let library = Arc::clone(&library);
                stored.merge(blocking(move || write_prepared(&library, prepared, now)).await?);
            }
            Ok::<_, LibraryError>(stored)
        })
    };
    let newest = session
        .new_items(account.newest_item, account.first_items as usize, |page| {
            let (library, sources) = (Arc::clone(library), Arc::clone(&sources));
            let _ = pages.send(tokio::task::spawn_blocking(move || {
                prepare(&library, &sources, page)
            }));
        })
        .await;
    drop(pages);
    // What arrived is stored even when a later page failed.
    let mut stored = writer
        .await
        .map_err(|e| LibraryError::Internal(e.to_string()))??;
    let newest = newest?;

    // 4. States: every unread id and every starred id.
    let unread: HashSet<String> = session.unread_ids().await?.into_iter().collect();
    let starred: Vec<String> = session.starred_ids().await?;
    let mut known = {
        let library = Arc::clone(library);
        blocking(move || library.account_articles(id)).await?
    };
    let missing: Vec<String> = starred
        .iter()
        .filter(|i| !known.contains_key(*i))
        .cloned()
        .collect();
    if !missing.is_empty() {
        // Starred before the window of the first sync, or on another device.
        let items = session.items_by_id(&missing).await?;
        let more = store_items(library, &sources, items, now).await?;
        stored.merge(more);
        let library = Arc::clone(library);
        known = blocking(move || library.account_articles(id)).await?;
    }
    let starred: HashSet<String> = starred.into_iter().collect();
    let states: Vec<ItemState> = known
        .iter()
        .filter_map(|(guid, &(article_id, read, bookmarked))| {
            let (server_read, server_starred) = (!unread.contains(guid), starred.contains(guid));
            (server_read != read || server_starred != bookmarked).then_some(ItemState {
                article_id,
                read: server_read,
                starred: server_starred,
            })
        })
        .collect();
    if !states.is_empty() {
        let library = Arc::clone(library);
        report.states_changed =
            blocking(move || library.apply_item_states(id, &states, now)).await?;
    }
    report.added = stored.added;
    report.updated = stored.updated;
    report.requests = session.requests();

    // 5. Pages of summaries and images, as for a feed.
    if !fetcher.network().text_only {
        let mut with_images = stored.images;
        for source_id in stored.with_summaries {
            with_images.extend(
                pages::fill_stored_summaries(
                    library,
                    fetcher,
                    source_id,
                    None,
                    MAX_PAGES_PER_FEED,
                    cancel,
                )
                .await?,
            );
        }
        if let Some(cache) = &options.images {
            if !cancel.is_cancelled() && !with_images.is_empty() {
                report.images = cache
                    .fetch_for(library, fetcher, with_images, now, cancel)
                    .await?;
            }
        }
    }
    Ok((report, newest))
}

/// What storing a batch of items did.
#[derive(Default)]
struct Stored {
    added: u64,
    updated: u64,
    /// New and changed articles with their image addresses.
    images: Vec<(i64, Vec<String>)>,
    /// Sources that got new summaries (their pages are fetched next).
    with_summaries: HashSet<i64>,
}

impl Stored {
    fn merge(&mut self, other: Stored) {
        self.added += other.added;
        self.updated += other.updated;
        self.images.extend(other.images);
        self.with_summaries.extend(other.with_summaries);
    }
}

/// An item as an article of its source; `None` with neither title nor
/// text.
fn article_of(item: RemoteItem) -> Option<NewArticle> {
    let link = item.link.as_deref().and_then(safe_link);
    let base = link.as_deref().and_then(|l| url::Url::parse(l).ok());
    crate::ingest::feed::Item {
        id: item.id,
        link,
        base,
        title: item.title,
        html: item.html,
        author: item.author,
        published: item.published,
        language: None,
    }
    .into_article()
}

/// A page of items made ready to write: per source, the articles with
/// their folded forms, words and summary marks.
struct Prepared {
    groups: Vec<PreparedSource>,
}

struct PreparedSource {
    source_id: i64,
    articles: Vec<NewArticle>,
    derived: Vec<crate::store::IndexedForm>,
    words: NewTerms,
    summaries: Vec<bool>,
}

/// Sanitizes, folds and hashes items under their sources (CPU work, off
/// the writer).
fn prepare(library: &Library, sources: &HashMap<String, i64>, items: Vec<RemoteItem>) -> Prepared {
    let mut by_source: BTreeMap<i64, Vec<NewArticle>> = BTreeMap::new();
    let mut seen = HashSet::new();
    for item in items {
        // An item of a stream the account no longer has is left out.
        let Some(&source) = sources.get(&item.stream) else {
            continue;
        };
        if let Some(article) = article_of(item) {
            if seen.insert(article.guid.clone()) {
                by_source.entry(source).or_default().push(article);
            }
        }
    }
    let groups = by_source
        .into_iter()
        .map(|(source_id, articles)| {
            let derived: Vec<_> = articles
                .iter()
                .map(|a| derive_version(a, content_hash(&a.title, &a.body_text)))
                .collect();
            let mut words = NewTerms::of_all(derived.iter().map(|d| &d.folded));
            words.forget_known(library);
            let summaries = articles.iter().map(pages::is_summary).collect();
            PreparedSource {
                source_id,
                articles,
                derived,
                words,
                summaries,
            }
        })
        .collect();
    Prepared { groups }
}

/// Writes a prepared page in one transaction, like a feed's fetch.
fn write_prepared(
    library: &Library,
    prepared: Prepared,
    now: Timestamp,
) -> Result<Stored, LibraryError> {
    let validators = Validators::default();
    let mut groups = prepared.groups;
    let summaries: Vec<Vec<bool>> = groups.iter().map(|g| g.summaries.clone()).collect();
    let fetches = groups
        .iter_mut()
        .map(|g| FeedFetch {
            source_id: g.source_id,
            items: &g.articles,
            validators: &validators,
            via: crate::network::Way::Direct,
            derived: std::mem::take(&mut g.derived),
            words: std::mem::take(&mut g.words),
            summaries: std::mem::take(&mut g.summaries),
        })
        .collect();
    let results = library.store_fetches(fetches, now)?;
    let mut stored = Stored::default();
    for ((group, result), summary) in groups.iter().zip(results).zip(summaries) {
        stored.added += result.added.len() as u64;
        stored.updated += result.updated.len() as u64;
        for &(n, id) in &result.fresh {
            stored
                .images
                .push((id, image_urls(&group.articles[n].body_html)));
            if summary.get(n).copied().unwrap_or(false) {
                stored.with_summaries.insert(group.source_id);
            }
        }
    }
    stored.images.retain(|(_, urls)| !urls.is_empty());
    Ok(stored)
}

/// Prepares and writes items at once (the few a sync fetches by id).
async fn store_items(
    library: &Arc<Library>,
    sources: &Arc<HashMap<String, i64>>,
    items: Vec<RemoteItem>,
    now: Timestamp,
) -> Result<Stored, LibraryError> {
    let (library, sources) = (Arc::clone(library), Arc::clone(sources));
    blocking(move || {
        let prepared = prepare(&library, &sources, items);
        write_prepared(&library, prepared, now)
    })
    .await
}

/// Subscribes the account to `url` on the server (the server fetches the
/// feed), in `folder` when one is given; the next sync brings it into the
/// library. Returns the server's stream id.
pub async fn subscribe(
    library: &Arc<Library>,
    fetcher: &Arc<Fetcher>,
    account_id: i64,
    password: &str,
    url: &str,
    folder: Option<&str>,
    cancel: &Cancel,
) -> Result<String, AccountError> {
    let account = {
        let library = Arc::clone(library);
        blocking(move || library.account(account_id)).await?
    };
    if account.kind != AccountKind::GReader {
        return Err(AccountError::Unsupported);
    }
    let mut session =
        greader::Session::login(fetcher, &account.url, &account.user, password, cancel).await?;
    let stream = session.subscribe(url).await?;
    if let Some(folder) = folder.map(str::trim).filter(|f| !f.is_empty()) {
        let label = greader::label(folder);
        session
            .edit_subscription(&[("ac", "edit"), ("s", &stream), ("a", &label)])
            .await?;
    }
    Ok(stream)
}
