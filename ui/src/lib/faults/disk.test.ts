import { describe, expect, test, vi } from 'vitest';
import { disk, noteOutcome, noteReport, noteStartup, watchForRoom } from './disk.svelte';

describe('the full-disk notice', () => {
  test('rises on a disk-full failure and stays through reads and other failures', () => {
    noteOutcome('set_bookmark', 'disk-full');
    expect(disk.full, 'a change failed for want of space').toBe(true);
    noteOutcome('list_articles', null);
    noteOutcome('search', null);
    expect(disk.full, 'reads work on a full disk: they say nothing about space').toBe(true);
    noteOutcome('set_read', 'network');
    expect(disk.full, 'another failure does not say space is back').toBe(true);
  });

  test('an import or sync that met the full disk raises it, though the call itself worked', () => {
    noteOutcome('set_bookmark', null);
    noteOutcome('import_files', null);
    noteReport({ failed: [{ code: 'disk-full' }] });
    expect(disk.full, 'a file of the import met the full disk').toBe(true);
    noteOutcome('import_files', null);
    expect(disk.full, 'an import that returns is no proof of room').toBe(true);
  });

  test('goes once a change is stored again', () => {
    noteOutcome('set_read', 'disk-full');
    noteOutcome('set_bookmark', null);
    expect(disk.full, 'a change went through: there is room again').toBe(false);
  });

  test('shows from the start when the window opens on a full disk', () => {
    noteOutcome('set_bookmark', null);
    noteStartup(false);
    expect(disk.full, 'a disk with room raises nothing').toBe(false);
    noteStartup(true);
    expect(disk.full, 'the library opened on a full disk').toBe(true);
  });

  test('the watch lowers it once the disk has room, with no change made', async () => {
    vi.useFakeTimers();
    try {
      noteStartup(true);
      let room = false;
      let asked = 0;
      const stop = watchForRoom(async () => {
        asked += 1;
        return room;
      }, 1000);
      await vi.advanceTimersByTimeAsync(3000);
      expect(asked, 'it asks once per period').toBe(3);
      expect(disk.full, 'no room yet: the notice stays').toBe(true);
      room = true;
      await vi.advanceTimersByTimeAsync(1000);
      expect(disk.full, 'space was freed: the notice goes without a restart').toBe(false);
      stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(asked, 'a stopped watch asks no more').toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });
});
