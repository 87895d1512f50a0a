// Read state, reading positions and fetched pages changed in this session,
// shared by every view that shows an article: the row in the list turns read
// when the reader marks it (and loses its summary mark when the reader fetched
// the page), and the sources pane's unread counts follow without a reload.
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { setRead, toBackendError } from '../backend';

type Readable = { id: number; read: boolean; sourceId: number };

const changed = new SvelteMap<number, boolean>();
/** Change of each source's unread count since the sources were last loaded. */
const unreadDelta = new SvelteMap<number, number>();
/** Positions saved in this session, newer than what an article was loaded with. */
const positions = new Map<number, number>();
/** Articles whose page took the place of their summary in this session. */
const filled = new SvelteSet<number>();

/** Whether `article` is read, counting changes made since it was loaded. */
export function isRead(article: { id: number; read: boolean }): boolean {
  return changed.get(article.id) ?? article.read;
}

/** How much a source's unread count changed since the sources were loaded. */
export function unreadChange(sourceId: number): number {
  return unreadDelta.get(sourceId) ?? 0;
}

/** The sources were loaded again: their counts include every change. */
export function sourcesReloaded(): void {
  unreadDelta.clear();
}

function record(article: Readable, read: boolean): void {
  const before = isRead(article);
  if (before === read) return;
  changed.set(article.id, read);
  unreadDelta.set(article.sourceId, unreadChange(article.sourceId) + (read ? -1 : 1));
}

/** Sets the read state at once and persists it; reverts and returns the error code on failure. */
export async function markRead(article: Readable, read: boolean): Promise<string | null> {
  const before = isRead(article);
  if (before === read) return null;
  record(article, read);
  try {
    await setRead(article.id, read);
    return null;
  } catch (reason) {
    record(article, before);
    return toBackendError(reason).code;
  }
}

export function toggleRead(article: Readable): Promise<string | null> {
  return markRead(article, !isRead(article));
}

/** The position to restore: this session's last save, else what the article was loaded with. */
export function readingPosition(article: { id: number; readingPosition?: number }): number {
  return positions.get(article.id) ?? article.readingPosition ?? 0;
}

export function rememberPosition(id: number, position: number): void {
  positions.set(id, position);
}

/** Whether only `article`'s summary is stored, counting pages fetched since it was loaded. */
export function isSummary(article: { id: number; summaryOnly: boolean }): boolean {
  return article.summaryOnly && !filled.has(article.id);
}

/** The article's page was fetched: it is a summary no more, wherever it shows. */
export function notePageFilled(id: number): void {
  filled.add(id);
}
