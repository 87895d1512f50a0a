// No connection, told once: a sync in which nothing answered (the network is
// down or shut down, or the proxy is) raises one notice instead of an error
// per feed. The library stays fully usable. While the notice is up the app
// retries with backoff (`retryDelayMs`), and the first sync in which anything
// answers lowers it.

let offline = $state(false);
let retries = $state(0);

export const connection = {
  /** Whether the last sync found no connection at all. */
  get offline(): boolean {
    return offline;
  },
  /** Syncs in a row that found no connection (each one schedules the next try). */
  get retries(): number {
    return retries;
  },
};

/** A sync's report: `offline` when nothing answered. */
export function noteSyncReport(report: { offline: boolean }): void {
  offline = report.offline;
  retries = report.offline ? retries + 1 : 0;
}

/** The first retry waits a minute; each next one twice as long, up to `maxMs`. */
export function retryDelayMs(retry: number, maxMs: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, retry - 1), maxMs);
}
