// Where the user is: the view in the list pane (a list, the search results
// or the settings), the article open in the reader, and, when the window is
// narrow enough to show one pane at a time, which pane that is.
import type { ArticleSummary } from './backend';
import { clearSearch, searchActive } from './search/search.svelte';
import { ALL, type ListChoice } from './sources/lists';

export type View = { kind: 'list'; list: ListChoice } | { kind: 'search' } | { kind: 'settings' };

/** With one pane at a time, the one on screen. */
export type NarrowPane = 'sources' | 'list' | 'reader';

/** The part of the app the top bar marks as current. */
export type Section = 'library' | 'bookmarks' | 'settings';

export class Navigation {
  /** The list chosen: on screen in the list view, kept mounted behind search and settings. */
  #list = $state<ListChoice>(ALL);
  #settings = $state(false);
  #article = $state<ArticleSummary | null>(null);
  #narrowPane = $state<NarrowPane>('list');

  /** The settings come first; then search results, while there is a query; else the list. */
  get view(): View {
    if (this.#settings) return { kind: 'settings' };
    if (searchActive()) return { kind: 'search' };
    return { kind: 'list', list: this.#list };
  }

  /** The list chosen, also while search or settings cover it. */
  get list(): ListChoice {
    return this.#list;
  }

  /** The article in the reader, if any. */
  get article(): ArticleSummary | null {
    return this.#article;
  }

  get narrowPane(): NarrowPane {
    return this.#narrowPane;
  }

  get section(): Section {
    if (this.#settings) return 'settings';
    return this.#list.kind === 'bookmarks' || this.#list.kind === 'tag' ? 'bookmarks' : 'library';
  }

  /** Shows a list (leaving search and settings). */
  chooseList(choice: ListChoice): void {
    clearSearch();
    this.#settings = false;
    this.#list = choice;
    this.#narrowPane = 'list';
  }

  showSettings(): void {
    clearSearch();
    this.#settings = true;
    this.#narrowPane = 'list';
  }

  /**
   * A query was typed: its results come forward in the list pane. With one
   * pane at a time (`narrow`) that pane shows; else an article being read
   * stays in the reader should the window narrow.
   */
  showSearch(narrow: boolean): void {
    this.#settings = false;
    if (narrow) this.#narrowPane = 'list';
  }

  /** Opens an article in the reader (leaving the settings). */
  open(article: ArticleSummary): void {
    this.#settings = false;
    this.#article = article;
    // Also in the wide layout: if the window narrows, the article stays on screen.
    this.#narrowPane = 'reader';
  }

  closeReader(): void {
    this.#article = null;
    this.#narrowPane = 'list';
  }

  /** With one pane at a time: back from the list to the sources. */
  showSources(): void {
    this.#narrowPane = 'sources';
  }

  sourceRenamed(id: number, title: string): void {
    if (this.#list.kind === 'source' && this.#list.id === id) this.#list = { ...this.#list, title };
  }

  /** A removed source's articles leave the reader, and its list gives way to all articles. */
  sourceRemoved(id: number): void {
    if (this.#article?.sourceId === id) this.#article = null;
    if (this.#list.kind === 'source' && this.#list.id === id) this.#list = ALL;
  }
}
