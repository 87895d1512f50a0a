// What the sync panel says. `t` is passed in (the interface's own, or a
// bundle in tests), and the digits are the user's choice.
import type { FluentVariable } from '@fluent/bundle';
import type { AccountSyncResult, Digits, ErrorCode, SyncProgress, SyncReport } from '../backend';
import { DisplayNumber } from '../l10n/digits';

export type Translate = (id: string, args?: Record<string, FluentVariable>) => string;

/** «۳ از ۱۰ خوراک، ۲۴ مقالهٔ تازه» */
export function syncProgressText(progress: SyncProgress, digits: Digits, t: Translate): string {
  return t('sync-progress', {
    done: new DisplayNumber(progress.feedsDone, digits),
    total: new DisplayNumber(progress.feedsTotal, digits),
    added: new DisplayNumber(progress.added, digits),
  });
}

/** «۲۴ مقالهٔ تازه، ۳ مقالهٔ به‌روزشده» */
export function syncCountsText(report: SyncReport, digits: Digits, t: Translate): string {
  return t('sync-counts', {
    added: new DisplayNumber(report.added, digits),
    updated: new DisplayNumber(report.updated, digits),
  });
}

/** How many feeds failed, or that none did. */
export function syncFailedText(report: SyncReport, digits: Digits, t: Translate): string {
  return t('sync-failed-count', { failed: new DisplayNumber(report.failed.length, digits) });
}

/** Adds `next` to `report`: the summary of syncs run one after another. */
export function mergeSyncReports(report: SyncReport | null, next: SyncReport): SyncReport {
  if (!report) return { ...next, failed: [...next.failed] };
  return {
    added: report.added + next.added,
    updated: report.updated + next.updated,
    unchanged: report.unchanged + next.unchanged,
    failed: [...report.failed, ...next.failed],
    offline: report.offline && next.offline,
  };
}

/** The codes that mean no answer came at all (the connection, not the server). */
const NO_ANSWER: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['network', 'timeout', 'proxy-unreachable']);

/**
 * Account syncs as a part of a sync's summary: the articles they added, and
 * `offline` when none of their servers answered (their failures are listed
 * apart, by account, not as feeds).
 */
export function accountsReport(results: readonly Pick<AccountSyncResult, 'added' | 'error'>[]): SyncReport {
  return {
    added: results.reduce((sum, result) => sum + result.added, 0),
    updated: 0,
    unchanged: 0,
    failed: [],
    offline: results.length > 0 && results.every((result) => result.error !== null && NO_ANSWER.has(result.error.code)),
  };
}

/** Whether the sync found no feed at all to fetch (the library has none yet). */
export function nothingToSync(report: SyncReport, feedsTotal: number): boolean {
  return feedsTotal === 0 && report.added + report.updated + report.unchanged === 0 && report.failed.length === 0;
}

/** Whether to offer the starter feeds: not offered before, and the library has no feed. */
export function offerStarterFeeds(feedsOffered: boolean, sourcesLoaded: boolean, sources: readonly { kind: string }[]): boolean {
  return !feedsOffered && sourcesLoaded && !sources.some((source) => source.kind === 'feed');
}
