import { describe, expect, test } from 'vitest';
import type { Calendar, Digits } from '../backend';
import type { Language } from './bundles';
import { articleTime, formatArticleDate, formatDate, RELATIVE_LIMIT_SECONDS, relativeTime } from './dates';

const seconds = (iso: string) => Date.parse(iso) / 1000;
const HOUR = 3600;
const DAY = 24 * HOUR;

describe('formatDate', () => {
  const cases: [string, Language, Calendar, Digits, string, string][] = [
    ['2021-12-28T12:00:00Z', 'fa', 'jalali', 'persian', '۷ دی ۱۴۰۰', 'Jalali with Persian digits'],
    ['2025-03-20T12:00:00Z', 'fa', 'jalali', 'persian', '۳۰ اسفند ۱۴۰۳', '1403 was a leap year: Esfand has a 30th day'],
    ['2025-03-21T12:00:00Z', 'fa', 'jalali', 'persian', '۱ فروردین ۱۴۰۴', 'Nowruz starts the new year'],
    ['2024-03-20T12:00:00Z', 'fa', 'jalali', 'persian', '۱ فروردین ۱۴۰۳', '1402 was not a leap year'],
    ['2021-12-28T12:00:00Z', 'fa', 'jalali', 'latin', '7 دی 1400', 'Jalali, Persian month, Latin digits'],
    ['2021-12-28T12:00:00Z', 'fa', 'gregorian', 'persian', '۲۸ دسامبر ۲۰۲۱', 'Gregorian in a Persian interface'],
    ['2021-12-28T12:00:00Z', 'fa', 'gregorian', 'latin', '28 دسامبر 2021', 'Gregorian, Latin digits'],
    ['2021-12-28T12:00:00Z', 'en', 'gregorian', 'latin', 'Dec 28, 2021', 'Gregorian in English'],
    ['2025-03-20T12:00:00Z', 'en', 'gregorian', 'latin', 'Mar 20, 2025', 'Gregorian in English'],
    ['2021-12-28T12:00:00Z', 'en', 'jalali', 'latin', 'Dey 7, 1400', 'Jalali in English, without the "AP" era'],
    ['2025-03-20T12:00:00Z', 'en', 'jalali', 'persian', 'Esfand ۳۰, ۱۴۰۳', 'English words, Persian digits'],
    ['2021-12-28T12:00:00Z', 'en', 'gregorian', 'persian', 'Dec ۲۸, ۲۰۲۱', 'the comma after the day stays a comma'],
  ];
  for (const [iso, language, calendar, digits, expected, reason] of cases) {
    test(`${iso}, ${language}, ${calendar}, ${digits} digits: ${expected}`, () => {
      expect(formatDate(seconds(iso), { language, calendar, digits, timeZone: 'UTC' }), reason).toBe(expected);
    });
  }

  test('Persian digits leave no ASCII digit; Latin digits leave no Persian one', () => {
    for (const language of ['fa', 'en'] as const) {
      for (const calendar of ['jalali', 'gregorian'] as const) {
        const at = seconds('2023-10-05T00:00:00Z');
        expect(formatDate(at, { language, calendar, digits: 'persian', timeZone: 'UTC' }), `${language} ${calendar}`).not.toMatch(/[0-9]/);
        expect(formatDate(at, { language, calendar, digits: 'latin', timeZone: 'UTC' }), `${language} ${calendar}`).not.toMatch(
          /[\u06f0-\u06f9\u0660-\u0669]/,
        );
      }
    }
  });

  test('the time zone decides the day', () => {
    const lateEvening = seconds('2021-12-28T22:00:00Z');
    const style = { language: 'en', calendar: 'gregorian', digits: 'latin' } as const;
    expect(formatDate(lateEvening, { ...style, timeZone: 'UTC' })).toBe('Dec 28, 2021');
    expect(formatDate(lateEvening, { ...style, timeZone: 'Asia/Tehran' }), '01:30 the next day in Tehran').toBe('Dec 29, 2021');
  });
});

describe('relativeTime', () => {
  const now = seconds('2025-06-01T12:00:00Z');
  const cases: [number, Language, Digits, string | null, string][] = [
    [10, 'fa', 'persian', 'اکنون', 'seconds ago is now'],
    [10, 'en', 'latin', 'now', 'seconds ago is now'],
    [5 * 60, 'fa', 'persian', '۵ دقیقه پیش', 'minutes'],
    [5 * 60 + 59, 'en', 'latin', '5 minutes ago', 'rounded down'],
    [2 * HOUR, 'fa', 'persian', '۲ ساعت پیش', 'hours, Persian digits'],
    [2 * HOUR, 'fa', 'latin', '2 ساعت پیش', 'hours, Latin digits in Persian'],
    [2 * HOUR, 'en', 'latin', '2 hours ago', 'hours in English'],
    [2 * HOUR, 'en', 'persian', '۲ hours ago', 'Persian digits in English'],
    [HOUR, 'en', 'latin', '1 hour ago', 'singular'],
    [30 * HOUR, 'en', 'latin', '1 day ago', 'not "yesterday": 30 hours may be two calendar days'],
    [3 * DAY, 'fa', 'persian', '۳ روز پیش', 'days'],
    [6 * DAY + 23 * HOUR, 'en', 'latin', '6 days ago', 'just under a week'],
    [7 * DAY, 'en', 'latin', null, 'a week or more is a date'],
    [400 * DAY, 'fa', 'persian', null, 'long ago is a date'],
    [-30, 'en', 'latin', 'now', 'a little in the future (clock skew) is now'],
    [-2 * HOUR, 'en', 'latin', null, 'well in the future is a date'],
  ];
  for (const [ago, language, digits, expected, reason] of cases) {
    test(`${ago}s ago, ${language}, ${digits}: ${expected}`, () => {
      expect(relativeTime(now - ago, now, language, digits), reason).toBe(expected);
    });
  }
});

describe('formatArticleDate', () => {
  const now = seconds('2025-06-01T12:00:00Z');
  const style = { language: 'fa', calendar: 'jalali', digits: 'persian', timeZone: 'UTC' } as const;

  test('within a week it is relative', () => {
    expect(formatArticleDate(now - 2 * HOUR, now, style)).toBe('۲ ساعت پیش');
  });

  test('from a week on it is the date in the chosen calendar', () => {
    const old = now - RELATIVE_LIMIT_SECONDS;
    expect(formatArticleDate(old, now, style), '25 May 2025 is 4 Khordad 1404').toBe('۴ خرداد ۱۴۰۴');
    expect(formatArticleDate(old, now, { ...style, language: 'en', calendar: 'gregorian', digits: 'latin' })).toBe('May 25, 2025');
  });
});

describe('articleTime', () => {
  test('uses publishedAt when known', () => {
    expect(articleTime({ publishedAt: 100, fetchedAt: 200 })).toBe(100);
  });
  test('falls back to fetchedAt', () => {
    expect(articleTime({ publishedAt: null, fetchedAt: 200 })).toBe(200);
  });
});
