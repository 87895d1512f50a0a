//! The sync's one writer: stores every feed that is ready in one short
//! transaction.

use std::sync::Arc;

use super::budget::SyncBudget;
use super::FeedError;
use crate::feeds::fetch::Validators;
use crate::feeds::{FeedFetch, StoredItems};
use crate::store::terms::NewTerms;
use crate::store::IndexedForm;
use crate::{Library, NewArticle, Timestamp};

/// The writer stores up to about this many items in one transaction.
pub(super) const ITEMS_PER_WRITE: usize = 2_000;

/// One feed's items, waiting for the writer; the answer goes back on `done`.
pub(super) struct ToStore {
    pub(super) source_id: i64,
    pub(super) items: Vec<NewArticle>,
    pub(super) validators: Validators,
    pub(super) via: crate::network::Way,
    /// Folded text, hash and direction of each item, computed in the feed's
    /// task so that the writer only writes.
    pub(super) derived: Vec<IndexedForm>,
    /// The words of every item, collected in the same task.
    pub(super) words: NewTerms,
    /// Whether each item is only its feed's summary.
    pub(super) summaries: Vec<bool>,
    pub(super) done:
        tokio::sync::oneshot::Sender<Result<(StoredItems, Vec<NewArticle>), FeedError>>,
}

/// The sync's one writer: takes what is queued (up to about
/// [`ITEMS_PER_WRITE`] items) and stores it in one transaction, until every
/// feed task has let go of the queue.
pub(super) async fn write_in_batches(
    library: Arc<Library>,
    budget: Arc<SyncBudget>,
    mut waiting: tokio::sync::mpsc::UnboundedReceiver<ToStore>,
    now: Timestamp,
) {
    while let Some(first) = waiting.recv().await {
        let mut count = first.items.len();
        let mut batch = vec![first];
        while count < ITEMS_PER_WRITE {
            match waiting.try_recv() {
                Ok(next) => {
                    count += next.items.len();
                    batch.push(next);
                }
                Err(_) => break,
            }
        }
        let library = Arc::clone(&library);
        let _core = budget.writer_core.acquire().await;
        let written = tokio::task::spawn_blocking(move || {
            let mut batch = batch;
            let fetches: Vec<FeedFetch<'_>> = batch
                .iter_mut()
                .map(|b| FeedFetch {
                    source_id: b.source_id,
                    items: &b.items,
                    validators: &b.validators,
                    via: b.via,
                    derived: std::mem::take(&mut b.derived),
                    words: std::mem::take(&mut b.words),
                    summaries: std::mem::take(&mut b.summaries),
                })
                .collect();
            let result = library.store_fetches(fetches, now);
            (batch, result)
        })
        .await;
        let Ok((batch, result)) = written else {
            continue; // The senders are dropped with the batch: their feeds fail.
        };
        match result {
            Ok(stored) => {
                for (waiter, stored) in batch.into_iter().zip(stored) {
                    let _ = waiter.done.send(Ok((stored, waiter.items)));
                }
            }
            Err(error) => {
                let message = error.to_string();
                for waiter in batch {
                    let _ = waiter
                        .done
                        .send(Err(FeedError::new(error.code(), message.clone())));
                }
            }
        }
    }
}
