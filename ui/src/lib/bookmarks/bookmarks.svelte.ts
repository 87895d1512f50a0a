// Bookmark changes made in this session, shared by every view that shows an
// article, so a toggle in the reader shows in the list it came from.
import { SvelteMap } from 'svelte/reactivity';
import { setBookmark, toBackendError } from '../backend';

const changed = new SvelteMap<number, boolean>();

/** Whether `article` is bookmarked, counting changes made since it was loaded. */
export function isBookmarked(article: { id: number; bookmarked: boolean }): boolean {
  return changed.get(article.id) ?? article.bookmarked;
}

/** Sets the bookmark at once and persists it; reverts and returns the error code on failure. */
export async function toggleBookmark(article: { id: number; bookmarked: boolean }): Promise<string | null> {
  const before = isBookmarked(article);
  changed.set(article.id, !before);
  try {
    await setBookmark(article.id, !before);
    return null;
  } catch (reason) {
    changed.set(article.id, before);
    return toBackendError(reason).code;
  }
}
