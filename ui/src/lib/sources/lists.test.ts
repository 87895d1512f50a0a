import { describe, expect, test } from 'vitest';
import { filterFor, listKey, listText, unreadShown, type ListChoice } from './lists';

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
