// Article dates. The calendar (Solar Hijri/Jalali or Gregorian) and the
// digits are the user's choice, independent of the interface language; the
// language gives the month names and word order: «۷ دی ۱۴۰۰», "Dec 28, 2021",
// "Dey 7, 1400", «۲۸ دسامبر ۲۰۲۱». Recent dates are relative: «۲ ساعت پیش»,
// "2 hours ago".
import type { Calendar, Digits } from '../backend';
import type { Language } from './bundles';
import { toDisplayDigits } from './digits';

export type { Calendar } from '../backend';

export interface DateStyle {
  language: Language;
  calendar: Calendar;
  digits: Digits;
  /** Defaults to the user's own; tests pass 'UTC'. */
  timeZone?: string;
}

/** Dates newer than this are shown relative to now. */
export const RELATIVE_LIMIT_SECONDS = 7 * 24 * 60 * 60;

// Always formatted with Latin digits, then converted: the digit choice is
// applied by one function, whatever the engine's numbering-system support.
const LOCALE: Record<Language, Record<Calendar, string>> = {
  fa: { jalali: 'fa-IR-u-ca-persian-nu-latn', gregorian: 'fa-IR-u-ca-gregory-nu-latn' },
  en: { jalali: 'en-US-u-ca-persian-nu-latn', gregorian: 'en-US-u-ca-gregory-nu-latn' },
};

const MONTH: Record<Language, 'long' | 'short'> = { fa: 'long', en: 'short' };

/** The time to show for an article: when it was published, else when it was fetched. */
export function articleTime(article: { publishedAt: number | null; fetchedAt: number }): number {
  return article.publishedAt ?? article.fetchedAt;
}

// Making an Intl formatter costs far more than formatting with one (a
// fast-scrolled list formats thousands of dates): one of each, kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function dateFormat(style: DateStyle): Intl.DateTimeFormat {
  const key = `${style.language} ${style.calendar} ${style.timeZone ?? ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[style.language][style.calendar], {
      day: 'numeric',
      month: MONTH[style.language],
      year: 'numeric',
      timeZone: style.timeZone,
    });
    dateFormats.set(key, format);
  }
  return format;
}

function relativeFormat(language: Language, numeric: 'auto' | 'always'): Intl.RelativeTimeFormat {
  const key = `${language} ${numeric}`;
  let format = relativeFormats.get(key);
  if (!format) {
    format = new Intl.RelativeTimeFormat(language, { numeric });
    relativeFormats.set(key, format);
  }
  return format;
}

/** Formats unix seconds as a date in the chosen calendar and digits. */
export function formatDate(unixSeconds: number, style: DateStyle): string {
  const format = dateFormat(style);
  // English names the Persian era ("Dey 7, 1400 AP"); a reader needs no era.
  const text = format
    .formatToParts(new Date(unixSeconds * 1000))
    .filter((part) => part.type !== 'era')
    .map((part) => part.value)
    .join('')
    .trim();
  return toDisplayDigits(text, style.digits);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 24 * 60 * 60],
  ['hour', 60 * 60],
  ['minute', 60],
];

/**
 * How long ago `unixSeconds` was, in the interface language («۲ ساعت پیش»,
 * "yesterday"); null when it is a week or more ago, or more than a minute in
 * the future (a feed's wrong clock): those show as dates.
 */
export function relativeTime(unixSeconds: number, nowSeconds: number, language: Language, digits: Digits): string | null {
  const ago = nowSeconds - unixSeconds;
  if (ago >= RELATIVE_LIMIT_SECONDS || ago < -60) return null;
  // "now" for the first minute; numbers after that. Not "yesterday": 30 hours
  // ago may be two calendar days back.
  let text = relativeFormat(language, 'auto').format(0, 'second');
  for (const [unit, seconds] of UNITS) {
    if (ago >= seconds) {
      text = relativeFormat(language, 'always').format(-Math.floor(ago / seconds), unit);
      break;
    }
  }
  return toDisplayDigits(text, digits);
}

/** What an article row shows: relative within the last week, else the date. */
export function formatArticleDate(unixSeconds: number, nowSeconds: number, style: DateStyle): string {
  return relativeTime(unixSeconds, nowSeconds, style.language, style.digits) ?? formatDate(unixSeconds, style);
}

/** The date as an ISO 8601 string for `<time datetime>`. */
export function isoDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString();
}
