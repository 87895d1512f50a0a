// An article stored as its feed's summary, and the images a sync left out:
// when the reader asks for the page and when what came back needs the
// article loaded again.
import type { Article, PageFetch } from '../backend';

/**
 * Whether the reader asks for the article's page as it opens it: only a
 * summary, and only when it was just opened (not shown again after a
 * change). The backend still skips it when text only is on or the feed's
 * full-text switch is off.
 */
export function fetchPageOnOpen(article: Pick<Article, 'summaryOnly'>, opened: boolean): boolean {
  return opened && article.summaryOnly;
}

/**
 * Whether the stored article changed, so the reader loads it again: the page
 * filled it, or it was no summary any more (a refresh filled it meanwhile).
 * Skipped, it is the summary it was.
 */
export function reloadAfterPageFetch(outcome: PageFetch): boolean {
  return outcome !== 'skipped';
}
