import { describe, expect, test } from 'vitest';
import { disk, noteOutcome, noteReport } from './disk.svelte';

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
});
