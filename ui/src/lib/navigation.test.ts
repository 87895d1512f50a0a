import { afterEach, describe, expect, test } from 'vitest';
import type { ArticleSummary } from './backend';
import { Navigation } from './navigation.svelte';
import { clearSearch, searchState } from './search/search.svelte';

const FEED = { kind: 'source', id: 7, title: 'خبرگزاری' } as const;

function article(id: number, sourceId: number): ArticleSummary {
  return { id, sourceId } as ArticleSummary;
}

afterEach(() => clearSearch());

describe('Navigation', () => {
  test('the app starts on all articles, nothing open, the list pane on a narrow screen', () => {
    const navigation = new Navigation();
    expect(navigation.view, 'the library list shows first').toEqual({ kind: 'list', list: { kind: 'all' } });
    expect(navigation.article, 'the reader is empty until an article is chosen').toBeNull();
    expect(navigation.narrowPane, 'a narrow window shows the list, not the sources').toBe('list');
    expect(navigation.section, 'the top bar marks the library').toBe('library');
  });

  test('choosing a list leaves the settings and shows that list', () => {
    const navigation = new Navigation();
    navigation.showSettings();
    expect(navigation.view.kind, 'the settings took the list pane').toBe('settings');
    expect(navigation.section, 'the top bar marks the settings').toBe('settings');
    navigation.chooseList(FEED);
    expect(navigation.view, "the feed's articles show instead of the settings").toEqual({ kind: 'list', list: FEED });
    expect(navigation.section, 'a feed belongs to the library').toBe('library');
  });

  test('the bookmarks and a tag are the bookmarks section', () => {
    const navigation = new Navigation();
    navigation.chooseList({ kind: 'tag', tag: 'کتاب' });
    expect(navigation.section, 'a tag is part of the bookmarks').toBe('bookmarks');
    navigation.chooseList({ kind: 'bookmarks' });
    expect(navigation.section, 'so are all the bookmarks').toBe('bookmarks');
  });

  test('a query shows the results over the list, and choosing a list or the settings ends it', () => {
    const navigation = new Navigation();
    navigation.chooseList(FEED);
    searchState.text = 'کتاب';
    expect(navigation.view.kind, 'typing brings the results forward').toBe('search');
    expect(navigation.list, 'the list behind the results is kept').toEqual(FEED);
    navigation.chooseList({ kind: 'unread' });
    expect(searchState.text, 'the query is gone').toBe('');
    expect(navigation.view, 'the chosen list shows').toEqual({ kind: 'list', list: { kind: 'unread' } });
    searchState.text = 'کتاب';
    navigation.showSettings();
    expect(searchState.text, 'opening the settings ends the search too').toBe('');
    expect(navigation.view.kind, 'the settings show').toBe('settings');
  });

  test('typing a query while in the settings shows the results', () => {
    const navigation = new Navigation();
    navigation.showSettings();
    searchState.text = 'کتاب';
    navigation.showSearch(false);
    expect(navigation.view.kind, 'the results replace the settings').toBe('search');
  });

  test('on a narrow screen a query brings the list pane back; on a wide one the reader stays ready', () => {
    const narrow = new Navigation();
    narrow.open(article(1, 7));
    narrow.showSearch(true);
    expect(narrow.narrowPane, 'the results are on screen, not the reader').toBe('list');
    const wide = new Navigation();
    wide.open(article(1, 7));
    wide.showSearch(false);
    expect(wide.narrowPane, 'should the window narrow, the article being read stays').toBe('reader');
  });

  test('opening an article leaves the settings and shows the reader; closing it brings the list back', () => {
    const navigation = new Navigation();
    navigation.showSettings();
    navigation.open(article(1, 7));
    expect(navigation.article?.id, 'the article is in the reader').toBe(1);
    expect(navigation.view.kind, 'the settings gave way to the list').toBe('list');
    expect(navigation.narrowPane, 'a narrow window shows the reader').toBe('reader');
    navigation.closeReader();
    expect(navigation.article, 'the reader is empty again').toBeNull();
    expect(navigation.narrowPane, 'a narrow window shows the list again').toBe('list');
  });

  test('the back button of a narrow list shows the sources; choosing one shows its list', () => {
    const navigation = new Navigation();
    navigation.showSources();
    expect(navigation.narrowPane, 'the sources pane is on screen').toBe('sources');
    navigation.chooseList(FEED);
    expect(navigation.narrowPane, "the feed's list is on screen").toBe('list');
  });

  test("renaming the feed on screen renames its list; removing it closes its article and shows all articles", () => {
    const navigation = new Navigation();
    navigation.chooseList(FEED);
    navigation.open(article(1, 7));
    navigation.sourceRenamed(8, 'دیگری');
    expect(navigation.list, 'another feed renamed: nothing changes').toEqual(FEED);
    navigation.sourceRenamed(7, 'نام تازه');
    expect(navigation.list, 'the heading shows the new name').toEqual({ ...FEED, title: 'نام تازه' });
    navigation.sourceRemoved(8);
    expect(navigation.article?.id, "another feed removed: the article stays").toBe(1);
    navigation.sourceRemoved(7);
    expect(navigation.article, "the removed feed's article leaves the reader").toBeNull();
    expect(navigation.view, 'the list falls back to all articles').toEqual({ kind: 'list', list: { kind: 'all' } });
  });
});
