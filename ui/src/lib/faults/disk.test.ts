import { describe, expect, test } from 'vitest';
import { disk, noteOutcome } from './disk.svelte';

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

  test('goes once a change is stored again', () => {
    noteOutcome('set_read', 'disk-full');
    noteOutcome('set_bookmark', null);
    expect(disk.full, 'a change went through: there is room again').toBe(false);
  });
});
