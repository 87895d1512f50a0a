//! What bounds a sync's feed tasks: network slots, parsing turns (every
//! core but the writer's, and the writer's while it idles) and room in the
//! writer's queue. A feed never holds a parsing turn while it waits on the
//! network or for room in the queue.

/// What bounds the feed tasks (see the module's documentation).
pub(super) struct SyncBudget {
    /// Feeds being downloaded or parsed.
    pub(super) network: tokio::sync::Semaphore,
    /// Turns to parse (CPU work) on every core but the writer's.
    pub(super) parsing: tokio::sync::Semaphore,
    /// The writer's core: held by the writer while it writes, and taken by
    /// a parse only when free at once (no parse ever queues for it, so the
    /// writer waits for one parse at most).
    pub(super) writer_core: tokio::sync::Semaphore,
    /// Items parsed and not yet stored, one permit each.
    pub(super) queued: tokio::sync::Semaphore,
    /// The permits of `queued`.
    pub(super) queue_room: usize,
}

impl SyncBudget {
    /// A turn to parse: the writer's core if it is free, else a turn of
    /// the others.
    pub(super) async fn parse_turn(&self) -> Option<tokio::sync::SemaphorePermit<'_>> {
        match self.writer_core.try_acquire() {
            Ok(turn) => Some(turn),
            Err(_) => self.parsing.acquire().await.ok(),
        }
    }
}

/// Threads that parse at once besides the writer's core: one fewer than
/// the machine's cores, at least one.
pub(super) fn parsing_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get().saturating_sub(1))
        .unwrap_or(1)
        .max(1)
}
