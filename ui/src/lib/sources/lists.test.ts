import { describe, expect, test } from 'vitest';
import { filterFor, listKey, unreadShown } from './lists';

describe('lists', () => {
  test('each list asks the backend for its own articles', () => {
    expect(filterFor({ kind: 'all' })).toEqual({ bookmarkedOnly: false, unreadOnly: false, sourceId: null });
    expect(filterFor({ kind: 'unread' })).toEqual({ bookmarkedOnly: false, unreadOnly: true, sourceId: null });
    expect(filterFor({ kind: 'bookmarks' })).toEqual({ bookmarkedOnly: true, unreadOnly: false, sourceId: null });
    expect(filterFor({ kind: 'source', id: 7, title: 'x' })).toEqual({ bookmarkedOnly: false, unreadOnly: false, sourceId: 7 });
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
});
