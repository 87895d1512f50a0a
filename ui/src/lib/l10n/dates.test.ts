import { describe, expect, test } from 'vitest';
import { articleTime, formatDate } from './dates';

const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('formatDate', () => {
  const cases: [string, 'fa' | 'en', string, string][] = [
    ['2021-12-28T12:00:00Z', 'fa', '۷ دی ۱۴۰۰', 'Jalali with Persian digits'],
    ['2025-03-20T12:00:00Z', 'fa', '۳۰ اسفند ۱۴۰۳', '1403 was a leap year: Esfand has a 30th day'],
    ['2025-03-21T12:00:00Z', 'fa', '۱ فروردین ۱۴۰۴', 'Nowruz starts the new year'],
    ['2024-03-20T12:00:00Z', 'fa', '۱ فروردین ۱۴۰۳', '1402 was not a leap year'],
    ['2021-12-28T12:00:00Z', 'en', 'Dec 28, 2021', 'Gregorian in English'],
    ['2025-03-20T12:00:00Z', 'en', 'Mar 20, 2025', 'Gregorian in English'],
  ];
  for (const [iso, language, expected, reason] of cases) {
    test(`${iso} in ${language} is ${expected} (${reason})`, () => {
      expect(formatDate(seconds(iso), language, 'UTC'), reason).toBe(expected);
    });
  }

  test('Persian output has no ASCII digits', () => {
    expect(formatDate(seconds('2023-10-05T00:00:00Z'), 'fa', 'UTC'), 'digits must be Persian').not.toMatch(/[0-9]/);
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
