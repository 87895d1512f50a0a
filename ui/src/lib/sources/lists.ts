// The lists the sources pane offers: three smart lists (the bookmarks also by
// tag), then each source.
import type { ListFilter } from '../articles/rows';
import { t } from '../l10n/locale.svelte';

export type ListChoice =
  | { kind: 'all' }
  | { kind: 'unread' }
  | { kind: 'bookmarks' }
  | { kind: 'tag'; tag: string }
  | { kind: 'source'; id: number; title: string };

export const ALL: ListChoice = { kind: 'all' };

/** What to ask the backend for to show `choice`. */
export function filterFor(choice: ListChoice): ListFilter {
  return {
    bookmarkedOnly: choice.kind === 'bookmarks' || choice.kind === 'tag',
    unreadOnly: choice.kind === 'unread',
    sourceId: choice.kind === 'source' ? choice.id : null,
    tag: choice.kind === 'tag' ? choice.tag : null,
  };
}

/** What a list is called, and what it shows when there is nothing in it. */
export interface ListText {
  title: string;
  empty: string;
}

export function listText(choice: ListChoice): ListText {
  switch (choice.kind) {
    case 'all':
      return { title: t('library-title'), empty: t('library-empty') };
    case 'unread':
      return { title: t('smart-unread'), empty: t('unread-empty') };
    case 'bookmarks':
      return { title: t('bookmarks-title'), empty: t('bookmarks-empty') };
    case 'tag':
      return { title: t('bookmarks-tag-title', { tag: choice.tag }), empty: t('bookmarks-tag-empty') };
    case 'source':
      return { title: choice.title, empty: t('source-empty') };
  }
}

/** One string per list, to tell lists apart (and to start a new list view for another one). */
export function listKey(choice: ListChoice): string {
  switch (choice.kind) {
    case 'source':
      return `source-${choice.id}`;
    case 'tag':
      return `tag-${choice.tag}`;
    default:
      return choice.kind;
  }
}

/** An unread count never shows below zero, whatever the session's changes add up to. */
export function unreadShown(loaded: number | undefined, change: number): number {
  return Math.max(0, (loaded ?? 0) + change);
}
