// What the user is searching for, shared by the search box in the top bar and
// the search view that replaces the list while there is text to search.
import { SEARCH_TOTAL_CAP } from '../backend';
import { count } from '../l10n/display.svelte';
import { t } from '../l10n/locale.svelte';

export interface SearchFilters {
  sourceId: number | null;
  bookmarkedOnly: boolean;
  unreadOnly: boolean;
  /** Gregorian "YYYY-MM-DD" days, "" when unset: `<input type="date">` values, or what a Jalali day typed in `JalaliDayField` is. */
  from: string;
  to: string;
}

export const NO_FILTERS: SearchFilters = { sourceId: null, bookmarkedOnly: false, unreadOnly: false, from: '', to: '' };

export const searchState = $state({ text: '', filters: { ...NO_FILTERS } });

/** Whether the search view is showing (there is text to search for). */
export function searchActive(): boolean {
  return searchState.text.trim() !== '';
}

/** Ends the search: the view the user was on comes back. Filters stay for the next search. */
export function clearSearch(): void {
  searchState.text = '';
}

/** «۱۲ نتیجه» / "12 results"; the backend stops counting at `SEARCH_TOTAL_CAP`. */
export function resultCountText(total: number): string {
  if (total >= SEARCH_TOTAL_CAP) return t('search-count-capped', { count: count(SEARCH_TOTAL_CAP) });
  return t('search-count', { count: count(total) });
}
