// Article dates in the interface language: the Solar Hijri (Jalali) calendar
// with Persian digits for Persian («۷ دی ۱۴۰۰»), Gregorian for English
// («Dec 28, 2021»).
import type { Language } from './bundles';

const LOCALES: Record<Language, string> = {
  fa: 'fa-IR-u-ca-persian-nu-arabext',
  en: 'en-US',
};

const MONTH: Record<Language, 'long' | 'short'> = { fa: 'long', en: 'short' };

/** The time to show for an article: when it was published, else when it was fetched. */
export function articleTime(article: { publishedAt: number | null; fetchedAt: number }): number {
  return article.publishedAt ?? article.fetchedAt;
}

/**
 * Formats unix seconds as a date. `timeZone` defaults to the user's own;
 * tests pass 'UTC'.
 */
export function formatDate(unixSeconds: number, language: Language, timeZone?: string): string {
  const format = new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: MONTH[language],
    year: 'numeric',
    timeZone,
  });
  return format.format(new Date(unixSeconds * 1000));
}

/** The date as an ISO 8601 string for `<time datetime>`. */
export function isoDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString();
}
