import { describe, expect, test } from 'vitest';
import { isSummary, notePageFilled } from './reading.svelte';

describe('a summary whose page the reader fetched', () => {
  test('loses its summary mark in every list at once, without the list loading again', () => {
    const row = { id: 41, summaryOnly: true };
    expect(isSummary(row), 'as the list loaded it').toBe(true);
    notePageFilled(41);
    expect(isSummary(row), 'the row loaded before the page came').toBe(false);
    expect(isSummary({ id: 42, summaryOnly: true }), 'another summary keeps its mark').toBe(true);
    expect(isSummary({ id: 43, summaryOnly: false }), 'an article with its whole text has none').toBe(false);
  });
});
