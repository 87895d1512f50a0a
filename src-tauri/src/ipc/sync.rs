//! The wire types of a sync: its progress and its report.

use serde::Serialize;
use ts_rs::TS;

use super::ErrorCode;

/// Streamed to the UI while feeds sync.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncProgress {
    pub feeds_done: u32,
    pub feeds_total: u32,
    pub added: u64,
    pub updated: u64,
    pub failed: u32,
    pub current_feed: String,
}

impl From<&barg_core::feeds::sync::SyncProgress> for SyncProgress {
    fn from(p: &barg_core::feeds::sync::SyncProgress) -> Self {
        Self {
            feeds_done: p.feeds_done,
            feeds_total: p.feeds_total,
            added: p.added,
            updated: p.updated,
            failed: p.failed,
            current_feed: p.current_feed.clone(),
        }
    }
}

/// A feed that could not be synced.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncFailure {
    pub source_id: i64,
    pub title: String,
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncReport {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub failed: Vec<SyncFailure>,
    /// Nothing answered (no connection, or the proxy is down): one notice,
    /// not one error per feed.
    pub offline: bool,
}

impl From<barg_core::feeds::sync::SyncReport> for SyncReport {
    fn from(r: barg_core::feeds::sync::SyncReport) -> Self {
        Self {
            offline: r.offline(),
            added: r.added,
            updated: r.updated,
            unchanged: r.unchanged,
            failed: r
                .failed
                .into_iter()
                .map(|f| SyncFailure {
                    source_id: f.source_id,
                    title: f.title,
                    code: f.code.into(),
                    message: f.message,
                })
                .collect(),
        }
    }
}
