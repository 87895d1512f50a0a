import { describe, expect, test } from 'vitest';
import type { Account, Source } from '../backend';
import { filterFor, listKey, listText, sourceSections, unreadShown, type ListChoice } from './lists';

function source(id: number, accountId: number | null, folder: string | null = null): Source {
  return {
    id,
    titleDir: 'ltr',
    title: `feed ${id}`,
    kind: 'feed',
    articleCount: 0,
    unreadCount: 0,
    url: `https://example.com/${id}.xml`,
    siteUrl: null,
    folder,
    lastSuccessAt: null,
    lastErrorCode: null,
    fetchFullText: false,
    route: null,
    routeWorked: null,
    pending: false,
    images: 'all',
    accountId,
  };
}

function account(id: number, url: string, user = 'reader'): Account {
  return { id, kind: 'greader', url, user, lastSyncAt: null, lastSuccessAt: null, lastErrorCode: null, sources: 0, pendingChanges: 0 };
}

describe('lists', () => {
  test('each list asks the backend for its own articles', () => {
    expect(filterFor({ kind: 'all' })).toEqual({ bookmarkedOnly: false, unreadOnly: false, sourceId: null, tag: null });
    expect(filterFor({ kind: 'unread' })).toEqual({ bookmarkedOnly: false, unreadOnly: true, sourceId: null, tag: null });
    expect(filterFor({ kind: 'bookmarks' })).toEqual({ bookmarkedOnly: true, unreadOnly: false, sourceId: null, tag: null });
    expect(filterFor({ kind: 'source', id: 7, title: 'x' })).toEqual({ bookmarkedOnly: false, unreadOnly: false, sourceId: 7, tag: null });
  });

  test('a tag is the bookmarks with that tag', () => {
    expect(filterFor({ kind: 'tag', tag: 'کتاب‌خانه' })).toEqual({
      bookmarkedOnly: true,
      unreadOnly: false,
      sourceId: null,
      tag: 'کتاب‌خانه',
    });
    expect(listKey({ kind: 'tag', tag: 'a' })).not.toBe(listKey({ kind: 'tag', tag: 'b' }));
    expect(listKey({ kind: 'tag', tag: 'bookmarks' }), 'a tag named like a smart list').not.toBe(listKey({ kind: 'bookmarks' }));
  });

  test('two sources are two lists', () => {
    expect(listKey({ kind: 'source', id: 1, title: 'a' })).not.toBe(listKey({ kind: 'source', id: 2, title: 'a' }));
    expect(listKey({ kind: 'unread' })).not.toBe(listKey({ kind: 'all' }));
  });

  test('unread counts add the session changes and never go below zero', () => {
    expect(unreadShown(5, -2)).toBe(3);
    expect(unreadShown(0, -1), 'read twice in a race').toBe(0);
    expect(unreadShown(undefined, 1), 'an older backend without counts').toBe(1);
  });

  test('every list has a title and a text for when it is empty', () => {
    const choices: ListChoice[] = [
      { kind: 'all' },
      { kind: 'unread' },
      { kind: 'bookmarks' },
      { kind: 'tag', tag: 'کتاب' },
      { kind: 'source', id: 7, title: 'خبرگزاری' },
    ];
    for (const choice of choices) {
      const text = listText(choice);
      expect(text.title, `${choice.kind}: the heading names the list`).not.toBe('');
      expect(text.empty, `${choice.kind}: an empty list says so`).not.toBe('');
      expect(text.empty, `${choice.kind}: the empty text is not the title again`).not.toBe(text.title);
    }
    expect(listText({ kind: 'tag', tag: 'کتاب' }).title, 'a tag list is named after its tag').toContain('کتاب');
    expect(listText({ kind: 'source', id: 7, title: 'خبرگزاری' }).title, "a feed's list is the feed's name").toBe('خبرگزاری');
  });
});

describe('the sources by account', () => {
  const shape = (sections: ReturnType<typeof sourceSections>) => ({
    own: sections.own.map((group) => [group.folder, group.sources.map((s) => s.id)]),
    accounts: sections.accounts.map((section) => [
      section.accountId,
      section.name,
      section.groups.map((group) => [group.folder, group.sources.map((s) => s.id)]),
    ]),
  });

  test("an account's feeds go under its host, apart from Barg's own, each by folder", () => {
    const sources = [source(1, null, 'News'), source(2, 7, 'News'), source(3, null), source(4, 7), source(5, 7, 'Tech')];
    const sections = sourceSections(sources, [account(7, 'https://rss.example.com/api/greader.php')], 'en');
    expect(shape(sections), 'a folder of the same name in Barg and in the account stays two folders').toEqual({
      own: [
        ['News', [1]],
        [null, [3]],
      ],
      accounts: [
        [
          7,
          'rss.example.com',
          [
            ['News', [2]],
            ['Tech', [5]],
            [null, [4]],
          ],
        ],
      ],
    });
    expect(sections.accounts[0].account?.id, 'the section carries its account (its last error for the heading)').toBe(7);
  });

  test("accounts come in the accounts' order; one without feeds has no heading", () => {
    const accounts = [account(9, 'https://b.example.org'), account(3, 'https://a.example.org'), account(5, 'https://empty.example.org')];
    const sections = sourceSections([source(1, 3), source(2, 9)], accounts, 'en');
    expect(
      sections.accounts.map((section) => section.name),
      'as listed, not by id or name',
    ).toEqual(['b.example.org', 'a.example.org']);
    expect(sections.own, 'no own feeds: no group').toEqual([]);
  });

  test('two accounts on one server are told apart by their users', () => {
    const accounts = [account(1, 'https://rss.example.com/api/greader.php', 'maryam'), account(2, 'https://rss.example.com/api/greader.php', 'ali')];
    const sections = sourceSections([source(10, 1), source(11, 2)], accounts, 'en');
    expect(sections.accounts.map((section) => section.name)).toEqual(['maryam@rss.example.com', 'ali@rss.example.com']);
  });

  test('feeds of an account not listed (yet) still show, under a heading of their own', () => {
    const sections = sourceSections([source(1, 4), source(2, null)], [], 'fa');
    expect(sections.own.flatMap((group) => group.sources.map((s) => s.id)), "never among Barg's own").toEqual([2]);
    expect(sections.accounts.map((section) => [section.accountId, section.account]), 'its own section, without an account').toEqual([[4, null]]);
    expect(sections.accounts[0].name, 'named all the same').not.toBe('');
  });
});
