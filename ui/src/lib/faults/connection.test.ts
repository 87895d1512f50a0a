import { describe, expect, test } from 'vitest';
import { connection, noteSyncReport, retryDelayMs } from './connection.svelte';

describe('the no-connection notice', () => {
  test('rises when nothing answered and goes when anything does', () => {
    noteSyncReport({ offline: true });
    expect(connection.offline, 'no feed answered: one notice').toBe(true);
    noteSyncReport({ offline: false });
    expect(connection.offline, 'a sync in which something answered lowers it').toBe(false);
  });

  test('retries back off from a minute, doubling, up to the refresh interval', () => {
    expect(retryDelayMs(1, 3_600_000), 'the first retry after a minute').toBe(60_000);
    expect(retryDelayMs(2, 3_600_000), 'then two').toBe(120_000);
    expect(retryDelayMs(4, 3_600_000), 'then eight').toBe(480_000);
    expect(retryDelayMs(20, 1_800_000), 'never longer than the refresh interval').toBe(1_800_000);
  });
});
