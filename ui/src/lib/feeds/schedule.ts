// When feeds refresh by themselves: every `refreshMinutes` (0 turns it off),
// never while a sync runs or the system says it is offline.
import type { Source } from '../backend';

export interface RefreshState {
  /** The setting; 0 is off. */
  minutes: number;
  /** `navigator.onLine`: false only when the system knows it is offline. */
  online: boolean;
  /** A sync (by hand or by the timer) is running. */
  running: boolean;
  /** Unix seconds of the last refresh; null when there was none. */
  lastRun: number | null;
  /** Unix seconds. */
  now: number;
}

/** Whether the timer should start a refresh of every feed now. */
export function refreshDue({ minutes, online, running, lastRun, now }: RefreshState): boolean {
  if (!(minutes > 0) || !online || running) return false;
  if (lastRun === null) return true;
  // A clock turned back (lastRun in the future) waits no longer than one interval.
  return now - lastRun >= minutes * 60 || lastRun - now > minutes * 60;
}

/**
 * The last refresh, as far as we know: this session's last sync, or the
 * newest successful fetch of any feed (which survives a restart, so opening
 * Barg twice in a row does not fetch twice).
 */
export function lastRefreshAt(sources: readonly Pick<Source, 'lastSuccessAt'>[], sessionLast: number | null): number | null {
  let newest = sessionLast;
  for (const source of sources) {
    const at = source.lastSuccessAt;
    if (at != null && (newest === null || at > newest)) newest = at;
  }
  return newest;
}
