// Numbers and dates as the interface shows them, in the user's digits and
// calendar (the settings) and the interface language (the locale).
import { clock } from './clock.svelte';
import { formatArticleDate, formatDate, type DateStyle } from './dates';
import { DisplayNumber, toDisplayDigits } from './digits';
import { locale } from './locale.svelte';

/** How the user wants numbers and dates written. */
export type NumberStyle = Pick<DateStyle, 'digits' | 'calendar'>;

// The settings, which use the locale, supply the style once at start (see
// `main.ts`): read through this function, a change shows at once.
let chosen: () => NumberStyle = () => ({ digits: 'persian', calendar: 'jalali' });

/** Where numbers and dates take their digits and calendar from, from now on. */
export function followNumberStyle(source: () => NumberStyle): void {
  chosen = source;
}

/** The digits and calendar the user chose (reactive when the settings are). */
export function numberStyle(): NumberStyle {
  const { digits, calendar } = chosen();
  return { digits, calendar };
}

function style(): DateStyle {
  const { digits, calendar } = chosen();
  return { language: locale.language, digits, calendar };
}

/** A count for a Fluent message: shown in the chosen digits, plurals still select on it. */
export function count(value: number): DisplayNumber {
  return new DisplayNumber(value, chosen().digits);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number on its own (a badge, a slider's value), in the interface's number format and the chosen digits. */
export function numberText(value: number, options?: Intl.NumberFormatOptions): string {
  // One formatter per language and options, kept: making one costs far more than using it.
  const key = `${locale.language} ${JSON.stringify(options ?? {})}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale.language, options);
    numberFormats.set(key, format);
  }
  return toDisplayDigits(format.format(value), chosen().digits);
}

/** Relative within a week («۲ ساعت پیش»), else the date in the chosen calendar. */
export function articleDateText(unixSeconds: number): string {
  return formatArticleDate(unixSeconds, clock.now, style());
}

/** The date in the chosen calendar. */
export function dateText(unixSeconds: number): string {
  return formatDate(unixSeconds, style());
}

/**
 * A file path inside a sentence: held left to right between two LRMs, so the
 * slash it starts with stays at its start in a Persian sentence
 * («پشتیبان در /tmp/a.barg ذخیره شد», not «…tmp/a.barg/…»).
 */
export function pathText(path: string): string {
  return `\u200e${path}\u200e`;
}
