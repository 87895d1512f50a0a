import { describe, expect, test } from 'vitest';
import type { PageFetch } from '../backend';
import { fetchPageOnOpen, reloadAfterPageFetch } from './pages';

describe('a summary’s page', () => {
  test('is asked for as a summary opens, once', () => {
    expect(fetchPageOnOpen({ summaryOnly: true }, true), 'a summary just opened').toBe(true);
    expect(fetchPageOnOpen({ summaryOnly: true }, false), 'shown again (repairs turned off, images loaded): not asked again').toBe(false);
    expect(fetchPageOnOpen({ summaryOnly: false }, true), 'an article with its whole text').toBe(false);
  });

  test('the reader loads the article again only when its text changed', () => {
    const reloads: Record<PageFetch, boolean> = { filled: true, 'not-summary': true, skipped: false };
    for (const [outcome, reload] of Object.entries(reloads)) {
      expect(reloadAfterPageFetch(outcome as PageFetch), `${outcome}: ${reload ? 'the stored text changed' : 'still the summary'}`).toBe(reload);
    }
  });
});
