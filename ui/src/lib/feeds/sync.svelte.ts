// One feed sync at a time: by hand (the refresh button, `r`, a feed's menu)
// or by the timer every `refreshMinutes`. Progress streams in from the
// backend; a refresh asked for while one runs is queued behind it and the
// summary covers both. A sync the timer started shows its summary only when
// it brought new articles. A sync of every feed then syncs the sync
// accounts, if there are any; a feed of an account is refreshed by syncing
// its account.
import { accountList, loadAccounts, syncAccountsNow } from '../accounts/accounts.svelte';
import { notifyLibraryChanged } from '../articles/changes.svelte';
import {
  cancelSync,
  syncFeeds,
  toBackendError,
  type AccountSyncResult,
  type ErrorCode,
  type SyncProgress,
  type SyncReport,
} from '../backend';
import { settings } from '../settings/settings.svelte';
import { loadSources, sourceList } from '../library/sources.svelte';
import { isFeed } from './folders';
import { lastRefreshAt, refreshDue } from './schedule';
import { accountsReport, mergeSyncReports } from './sync-text';

/** An account whose sync failed. */
export interface AccountFailure {
  accountId: number;
  code: ErrorCode;
}

interface SyncState {
  running: boolean;
  progress: SyncProgress | null;
  /** The summary of the last sync, until it is closed. */
  report: SyncReport | null;
  /** How many feeds the summarized sync covered. */
  feedsTotal: number;
  /** The sync was stopped with the cancel button. */
  cancelled: boolean;
  /** Set when a sync as a whole failed (not one feed). */
  errorCode: string | null;
  /** The sync accounts are syncing (after the feeds). */
  accountsRunning: boolean;
  /** How many accounts the summarized sync covered. */
  accountsTotal: number;
  /** The accounts whose sync failed, in the summarized sync. */
  accountFailures: AccountFailure[];
}

export const syncState = $state<SyncState>({
  running: false,
  progress: null,
  report: null,
  feedsTotal: 0,
  cancelled: false,
  errorCode: null,
  accountsRunning: false,
  accountsTotal: 0,
  accountFailures: [],
});

/** Feeds to sync after the running sync: ids, or null for every feed. */
let queued: (number | null)[] = [];
let queuedByHand = false;
/** Unix seconds when this session last started a sync. */
let lastStarted: number | null = null;
/** When the sources pane was last reloaded during a sync, in ms. */
let lastReload = 0;

const RELOAD_DURING_SYNC_MS = 2000;

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function takeQueued(): number | null | undefined {
  if (queued.includes(null)) {
    queued = [];
    return null;
  }
  return queued.shift();
}

// New articles show in the unread counts while the sync goes on; the article
// list itself reloads once at the end, so rows do not jump under the reader.
function progressed(progress: SyncProgress, addedBefore: number): void {
  syncState.progress = progress;
  const now = Date.now();
  if (progress.added > addedBefore && now - lastReload >= RELOAD_DURING_SYNC_MS) {
    lastReload = now;
    void loadSources();
  }
}

/** The account a source belongs to; null for Barg's own feeds (and for every feed, `sourceId` null). */
function accountOf(sourceId: number | null): number | null {
  if (sourceId === null) return null;
  return sourceList.all.find((source) => source.id === sourceId)?.accountId ?? null;
}

/** Syncs one account, or every account with `accountId` null (none when there are none). */
async function syncAccountsStep(accountId: number | null): Promise<AccountSyncResult[]> {
  if (accountId === null) {
    await loadAccounts();
    if (accountList.all.length === 0) return [];
  }
  syncState.accountsRunning = true;
  try {
    return await syncAccountsNow(accountId);
  } finally {
    syncState.accountsRunning = false;
  }
}

/**
 * Fetches one feed, or every feed with `sourceId` null and then the sync
 * accounts; queued behind a sync that is running. A feed of an account syncs
 * its account.
 */
export async function startSync(sourceId: number | null, byHand = true): Promise<void> {
  if (syncState.running) {
    if (!queued.includes(sourceId)) queued.push(sourceId);
    queuedByHand ||= byHand;
    return;
  }
  syncState.running = true;
  syncState.report = null;
  syncState.errorCode = null;
  syncState.cancelled = false;
  let showSummary = byHand;
  let report: SyncReport | null = null;
  let feedsTotal = 0;
  let accountsTotal = 0;
  let accountFailures: AccountFailure[] = [];
  let errorCode: string | null = null;
  let next: number | null | undefined = sourceId;
  try {
    while (next !== undefined) {
      lastStarted = nowSeconds();
      syncState.progress = { feedsDone: 0, feedsTotal: 0, added: 0, updated: 0, failed: 0, currentFeed: '' };
      const accountId = accountOf(next);
      if (accountId === null) {
        try {
          const done = await syncFeeds(next, (progress) => progressed(progress, syncState.progress?.added ?? 0));
          report = mergeSyncReports(report, done);
        } catch (reason) {
          const code = toBackendError(reason).code;
          if (code === 'cancelled') syncState.cancelled = true;
          else errorCode = code;
        }
        feedsTotal += syncState.progress?.feedsTotal ?? 0;
      }
      if (!syncState.cancelled && (next === null || accountId !== null)) {
        try {
          const results = await syncAccountsStep(accountId);
          if (results.length > 0) report = mergeSyncReports(report, accountsReport(results));
          accountsTotal += results.length;
          // An account stopped by the cancel button did not fail.
          if (results.some((result) => result.error?.code === 'cancelled')) syncState.cancelled = true;
          accountFailures = [
            ...accountFailures.filter((failure) => !results.some((result) => result.accountId === failure.accountId)),
            ...results.flatMap((result) =>
              result.error && result.error.code !== 'cancelled' ? [{ accountId: result.accountId, code: result.error.code }] : [],
            ),
          ];
        } catch (reason) {
          const code = toBackendError(reason).code;
          if (code === 'cancelled') syncState.cancelled = true;
          else errorCode = code;
        }
      }
      if (syncState.cancelled) queued = [];
      showSummary ||= queuedByHand;
      queuedByHand = false;
      next = takeQueued();
    }
  } finally {
    if (showSummary || syncState.cancelled || (report?.added ?? 0) > 0) {
      syncState.report = report;
      syncState.feedsTotal = feedsTotal;
      syncState.accountsTotal = accountsTotal;
      syncState.accountFailures = accountFailures;
      syncState.errorCode = errorCode;
    }
    syncState.running = false;
    syncState.progress = null;
    notifyLibraryChanged();
  }
}

/** Stops the sync that is running and drops the queued ones; what was fetched stays. */
export async function stopSync(): Promise<string | null> {
  queued = [];
  syncState.cancelled = true;
  try {
    await cancelSync();
    return null;
  } catch (reason) {
    return toBackendError(reason).code;
  }
}

/** Closes the summary. */
export function dismissSync(): void {
  syncState.report = null;
  syncState.errorCode = null;
  syncState.cancelled = false;
  syncState.accountFailures = [];
}

/** Starts a refresh of every feed if one is due (see `refreshDue`). */
export function refreshIfDue(): void {
  if (!sourceList.loaded) return;
  const feeds = sourceList.all.filter(isFeed);
  if (feeds.length === 0) return;
  const due = refreshDue({
    minutes: settings.value.refreshMinutes,
    online: typeof navigator === 'undefined' || navigator.onLine !== false,
    running: syncState.running,
    lastRun: lastRefreshAt(feeds, lastStarted),
    now: nowSeconds(),
  });
  if (due) void startSync(null, false);
}

const CHECK_EVERY_MS = 60_000;

/** Checks once a minute, and when the connection comes back; returns the function that stops. */
export function startBackgroundRefresh(): () => void {
  const timer = setInterval(refreshIfDue, CHECK_EVERY_MS);
  window.addEventListener('online', refreshIfDue);
  return () => {
    clearInterval(timer);
    window.removeEventListener('online', refreshIfDue);
  };
}
