// Days in the Solar Hijri (Jalali) calendar, typed and shown as «۱۴۰۵/۰۹/۱۳»,
// and the Gregorian ISO day ("2026-12-04") the rest of the interface and the
// backend use. The conversion is the web view's own ICU (the Persian calendar
// of `Intl`), the same that shows article dates: one source of truth, so a day
// typed here is the day an article dated with it shows. Jalali to Gregorian
// has no `Intl` function: the day is estimated, then stepped until ICU agrees.
import type { Digits } from '../backend';
import { toDisplayDigits } from './digits';

/** A day of the Jalali calendar; months and days count from 1. */
export interface JalaliDay {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// Latin digits asked for, and the digits normalized anyway: an engine may
// still answer in its own. The year may come as "1405 AP": digits only.
let persianFormat: Intl.DateTimeFormat | undefined;

function persian(): Intl.DateTimeFormat {
  persianFormat ??= new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return persianFormat;
}

function numberOf(text: string): number {
  return Number(toDisplayDigits(text, 'latin').replace(/[^0-9]/g, ''));
}

/** The Jalali day of a UTC midnight, in milliseconds since the epoch. */
function jalaliOf(utcMs: number): JalaliDay {
  const parts = persian().formatToParts(new Date(utcMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => numberOf(parts.find((p) => p.type === type)?.value ?? '');
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** Orders two Jalali days: negative when `a` comes first. */
function compare(a: JalaliDay, b: JalaliDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** UTC midnight of a real Gregorian "YYYY-MM-DD" day, else null (2023-02-30 is no day). */
function isoToUtc(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return at.getTime();
}

function utcToIso(utcMs: number): string {
  const at = new Date(utcMs);
  return `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1, 2)}-${pad(at.getUTCDate(), 2)}`;
}

/** The Jalali day of a Gregorian "YYYY-MM-DD"; null for an empty or invalid one. */
export function gregorianToJalali(iso: string): JalaliDay | null {
  const utc = isoToUtc(iso);
  return utc === null ? null : jalaliOf(utc);
}

/** The Gregorian "YYYY-MM-DD" of a Jalali day; null when the calendar has no such day (1404/12/30). */
export function jalaliToGregorian(target: JalaliDay): string | null {
  const { year, month, day } = target;
  // Farvardin to Shahrivar have 31 days, Mehr to Bahman 30, Esfand 29 or 30:
  // whether this Esfand has its 30th is ICU's to say, below.
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > (month <= 6 ? 31 : 30)) return null;
  // Nowruz falls on March 19, 20, 21 or 22 of Gregorian year + 621, so this
  // estimate is a day or two off at most; step until ICU names the target.
  const dayOfYear = (month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1;
  const start = new Date(0);
  start.setUTCFullYear(year + 621, 2, 21);
  let at = start.getTime() + dayOfYear * DAY_MS;
  let order = compare(jalaliOf(at), target);
  const step = order > 0 ? -DAY_MS : DAY_MS;
  for (let tries = 0; order !== 0 && tries < 7; tries++) {
    const next = at + step;
    const nextOrder = compare(jalaliOf(next), target);
    // Stepped over the target: the calendar has no such day (Esfand 30 of a common year).
    if (nextOrder !== 0 && Math.sign(nextOrder) !== Math.sign(order)) return null;
    at = next;
    order = nextOrder;
  }
  return order === 0 ? utcToIso(at) : null;
}

// Bidi marks a pasted date may carry (LRM, RLM, ALM, the isolates and embeddings).
const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/**
 * Reads a typed Jalali day: year/month/day with Persian (۰–۹), Arabic-Indic
 * (٠–٩) or ASCII digits, `/` or `-` between them, month and day with or
 * without a leading zero: «۱۴۰۵/۰۹/۱۳», "1405-9-13". Null for anything else.
 */
export function parseJalali(text: string): JalaliDay | null {
  const latin = toDisplayDigits(text.replace(BIDI_MARKS, ''), 'latin').trim();
  const match = /^(\d{4})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{1,2})$/.exec(latin);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The Gregorian "YYYY-MM-DD" of a typed Jalali day; null for text that is no day (1405/13/01, 1403/12/31). */
export function jalaliToIso(text: string): string | null {
  const day = parseJalali(text);
  if (!day) return null;
  const iso = jalaliToGregorian(day);
  // The filters' days have four-digit years (see `search/days.ts`).
  return iso !== null && /^\d{4}-/.test(iso) ? iso : null;
}

/** A Jalali day written «۱۴۰۵/۰۹/۱۳» (year first, zero-padded), in the chosen digits. */
export function jalaliText(day: JalaliDay, digits: Digits = 'persian'): string {
  return toDisplayDigits(`${pad(day.year, 4)}/${pad(day.month, 2)}/${pad(day.day, 2)}`, digits);
}

/** A Gregorian "YYYY-MM-DD" as a Jalali day, «۱۴۰۵/۰۹/۱۳»; "" for an empty or invalid one. */
export function isoToJalali(iso: string, digits: Digits = 'persian'): string {
  const day = gregorianToJalali(iso);
  return day === null ? '' : jalaliText(day, digits);
}
