// The lists the sources pane offers: three smart lists, then each source.
import type { ListFilter } from '../articles/rows';

export type ListChoice =
  | { kind: 'all' }
  | { kind: 'unread' }
  | { kind: 'bookmarks' }
  | { kind: 'source'; id: number; title: string };

export const ALL: ListChoice = { kind: 'all' };

/** What to ask the backend for to show `choice`. */
export function filterFor(choice: ListChoice): ListFilter {
  return {
    bookmarkedOnly: choice.kind === 'bookmarks',
    unreadOnly: choice.kind === 'unread',
    sourceId: choice.kind === 'source' ? choice.id : null,
  };
}

/** One string per list, to tell lists apart (and to start a new list view for another one). */
export function listKey(choice: ListChoice): string {
  return choice.kind === 'source' ? `source-${choice.id}` : choice.kind;
}

/** An unread count never shows below zero, whatever the session's changes add up to. */
export function unreadShown(loaded: number | undefined, change: number): number {
  return Math.max(0, (loaded ?? 0) + change);
}
