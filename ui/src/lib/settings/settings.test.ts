import { describe, expect, test } from 'vitest';
import type { Settings } from '../backend';
import { DEFAULT_SETTINGS, languageChange, withDefaults } from './settings.svelte';

describe('withDefaults', () => {
  test('an older backend without the newer fields gets their defaults', () => {
    expect(withDefaults({ language: 'en', theme: 'dark' }), 'every missing field defaults').toEqual({
      ...DEFAULT_SETTINGS,
      language: 'en',
      theme: 'dark',
    });
  });

  test('a stored false stays false', () => {
    expect(withDefaults({ language: 'fa', theme: 'light', repairHalfSpaces: false }).repairHalfSpaces, 'the user turned it off').toBe(false);
    expect(withDefaults({ markReadOnOpen: false }).markReadOnOpen, 'the user turned it off').toBe(false);
  });

  test('nothing stored is the defaults', () => {
    expect(withDefaults({}), 'first start').toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS, 'as agreed with the backend').toMatchObject({
      repairHalfSpaces: true,
      fontSize: 18,
      lineHeight: 1.9,
      textWidth: 42,
      digits: 'persian',
      calendar: 'jalali',
      markReadOnOpen: true,
      paneWidths: [220, 380],
      refreshMinutes: 30,
      feedsOffered: false,
    });
  });

  test('numbers are kept within their ranges', () => {
    const clamped = withDefaults({ fontSize: 99, lineHeight: 0.5, textWidth: 10, paneWidths: [5, 9999] });
    expect([clamped.fontSize, clamped.lineHeight, clamped.textWidth], 'font size, line height, text width').toEqual([28, 1.4, 30]);
    expect(clamped.paneWidths, 'pane widths, as the backend clamps them').toEqual([160, 800]);
  });

  test('a slider’s floating-point steps are rounded', () => {
    expect(withDefaults({ lineHeight: 1.4 + 5 * 0.1 }).lineHeight, '1.9000000000000001').toBe(1.9);
    expect(withDefaults({ fontSize: 17.6 }).fontSize).toBe(18);
  });

  test('unknown values are not passed on', () => {
    const odd = withDefaults({ theme: 'neon', digits: 'roman', calendar: 'lunar' } as unknown as Partial<Settings>);
    expect([odd.theme, odd.digits, odd.calendar]).toEqual(['system', 'persian', 'jalali']);
    expect(withDefaults({ theme: 'sepia' }).theme, 'sepia is a theme').toBe('sepia');
  });
});

describe('feed settings', () => {
  test('the refresh interval is one the menu offers', () => {
    const cases: [unknown, number, string][] = [
      [0, 0, 'off stays off'],
      [15, 15, 'a choice'],
      [180, 180, 'the longest choice'],
      [45, 30, 'between two: the nearer one (30 and 60 are equally near; the first wins)'],
      [50, 60, 'nearer to an hour'],
      [10_000, 180, 'longer than any choice'],
      [-5, 30, 'negative: the default'],
      ['60', 30, 'not a number: the default'],
      [undefined, 30, 'an older backend: the default'],
    ];
    for (const [stored, expected, reason] of cases) {
      expect(withDefaults({ refreshMinutes: stored as number }).refreshMinutes, reason).toBe(expected);
    }
  });

  test('starter feeds are offered until the user answers', () => {
    expect(withDefaults({}).feedsOffered, 'first start').toBe(false);
    expect(withDefaults({ feedsOffered: true }).feedsOffered, 'answered').toBe(true);
  });
});

describe('languageChange', () => {
  const persian = { ...DEFAULT_SETTINGS };

  test('digits and calendar that go with the old language follow the new one', () => {
    expect(languageChange(persian, 'en'), 'an English interface reads "Dec 28, 2021"').toEqual({
      language: 'en',
      digits: 'latin',
      calendar: 'gregorian',
    });
    expect(languageChange({ ...persian, language: 'en', digits: 'latin', calendar: 'gregorian' }, 'fa')).toEqual({
      language: 'fa',
      digits: 'persian',
      calendar: 'jalali',
    });
  });

  test('a choice the user made stays', () => {
    expect(languageChange({ ...persian, calendar: 'gregorian' }, 'en'), 'Gregorian chosen in Persian: only digits follow').toEqual({
      language: 'en',
      digits: 'latin',
    });
    expect(
      languageChange({ ...persian, language: 'en', digits: 'persian', calendar: 'jalali' }, 'fa'),
      'Persian digits and Jalali chosen in English: both stay',
    ).toEqual({ language: 'fa' });
  });
});
