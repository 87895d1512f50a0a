// The lists the sources pane offers: three smart lists (the bookmarks also by
// tag), then each source: Barg's own, then each sync account's under its name.
import { accountNames } from '../accounts/names';
import type { ListFilter } from '../articles/rows';
import type { Account, Direction, Source } from '../backend';
import { groupByFolder, type SourceGroup } from '../feeds/folders';
import { t } from '../l10n/locale.svelte';

export type ListChoice =
  | { kind: 'all' }
  | { kind: 'unread' }
  | { kind: 'bookmarks' }
  | { kind: 'tag'; tag: string }
  | { kind: 'source'; id: number; title: string; titleDir?: Direction };

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
  /** The direction a feed's name reads in ("Blogs on امیررضا قادری": ltr); absent for the interface's own names. */
  dir?: Direction;
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
      return { title: choice.title, empty: t('source-empty'), dir: choice.titleDir };
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

/** A sync account's feeds, under the account's name, in their folders. */
export interface AccountSection {
  accountId: number;
  /** The account as listed; null while the accounts are not (yet) loaded. */
  account: Account | null;
  name: string;
  groups: SourceGroup[];
}

/** The sources as the pane shows them. */
export interface SourceSections {
  /** Barg's own sources, by folder. */
  own: SourceGroup[];
  /** One section per account with feeds: in the accounts' order, then any not listed yet. */
  accounts: AccountSection[];
}

/**
 * Barg's own sources apart from each account's; both by folder (see
 * `groupByFolder`). An account with no feeds has no section: the pane shows
 * feeds, and Settings, Accounts shows the accounts.
 */
export function sourceSections(sources: readonly Source[], accounts: readonly Account[], language: string): SourceSections {
  const own: Source[] = [];
  const byAccount = new Map<number, Source[]>();
  for (const source of sources) {
    if (source.accountId === null) {
      own.push(source);
      continue;
    }
    const members = byAccount.get(source.accountId);
    if (members) members.push(source);
    else byAccount.set(source.accountId, [source]);
  }
  const names = accountNames(accounts);
  const known = new Map(accounts.map((account) => [account.id, account]));
  const order = [...accounts.map((account) => account.id), ...[...byAccount.keys()].filter((id) => !known.has(id)).sort((a, b) => a - b)];
  return {
    own: groupByFolder(own, language),
    accounts: order.flatMap((accountId) => {
      const members = byAccount.get(accountId);
      if (!members) return [];
      return [
        {
          accountId,
          account: known.get(accountId) ?? null,
          name: names.get(accountId) ?? t('account-group-unknown'),
          groups: groupByFolder(members, language),
        },
      ];
    }),
  };
}
