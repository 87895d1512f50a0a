// Bookmark changes made in this session, shared by every view that shows an
// article, so a toggle in the reader shows in the list it came from; and the
// library's bookmark tags with their counts, for the sources pane and the
// tag editor's suggestions.
import { SvelteMap } from 'svelte/reactivity';
import { listTags, setBookmark, setBookmarkDetails, toBackendError, type TagCount } from '../backend';

/** What a bookmark holds besides the article: its tags and note. */
export interface BookmarkDetails {
  tags: string[];
  note: string | null;
}

const changed = new SvelteMap<number, boolean>();
const detailsChanged = new SvelteMap<number, BookmarkDetails>();

let tags = $state.raw<TagCount[]>([]);
let tagsLatest = 0;

// Writes to one bookmark go out one after another, in the order they were
// made: a note saved just before the bookmark is removed must not arrive
// after the removal (saving details bookmarks the article again).
const writes = new Map<number, Promise<unknown>>();

function inOrder<T>(id: number, write: () => Promise<T>): Promise<T> {
  const next = (writes.get(id) ?? Promise.resolve()).then(write, write);
  const settled = next.catch(() => {});
  writes.set(id, settled);
  void settled.then(() => {
    if (writes.get(id) === settled) writes.delete(id);
  });
  return next;
}

/** Whether `article` is bookmarked, counting changes made since it was loaded. */
export function isBookmarked(article: { id: number; bookmarked: boolean }): boolean {
  return changed.get(article.id) ?? article.bookmarked;
}

/** Sets the bookmark at once and persists it; reverts and returns the error code on failure. */
export async function toggleBookmark(article: { id: number; bookmarked: boolean }): Promise<string | null> {
  const before = isBookmarked(article);
  changed.set(article.id, !before);
  try {
    await inOrder(article.id, () => setBookmark(article.id, !before));
    // A removed bookmark takes its tags and note with it.
    if (before) detailsChanged.set(article.id, { tags: [], note: null });
    void loadTags();
    return null;
  } catch (reason) {
    changed.set(article.id, before);
    return toBackendError(reason).code;
  }
}

/** The bookmark's tags and note, counting changes made since the article was loaded. */
export function bookmarkDetails(article: { id: number; tags?: string[]; note?: string | null }): BookmarkDetails {
  return detailsChanged.get(article.id) ?? { tags: article.tags ?? [], note: article.note ?? null };
}

/** Persists a bookmark's tags and note (bookmarking the article); returns the error code on failure. */
export async function saveBookmarkDetails(id: number, details: BookmarkDetails): Promise<string | null> {
  try {
    await inOrder(id, () => setBookmarkDetails(id, details.tags, details.note));
    detailsChanged.set(id, details);
    void loadTags();
    return null;
  } catch (reason) {
    return toBackendError(reason).code;
  }
}

export const bookmarkTags = {
  /** Every tag with its count, most used first. */
  get all(): TagCount[] {
    return tags;
  },
};

/** Loads the tag list again; only the newest answer is kept. A failure keeps the last list. */
export async function loadTags(): Promise<void> {
  const ticket = ++tagsLatest;
  try {
    const loaded = await listTags();
    if (ticket === tagsLatest) tags = loaded;
  } catch {
    // The tag list is a way in, not the bookmarks themselves: the smart list still shows them all.
  }
}
