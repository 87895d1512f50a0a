import { afterEach, describe, expect, test } from 'vitest';
import { followNumberStyle } from '../l10n/display.svelte';
import { setLanguage } from '../l10n/locale.svelte';
import { DEFAULT_SETTINGS, previewSettings, settings, USUAL_FOR } from '../settings/settings.svelte';
import { resultCountText } from './search.svelte';

// As at start (main.ts): numbers follow the digits in the settings.
followNumberStyle(() => settings.value);

// Fluent isolates placeables with FSI…PDI; the count reads without them.
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, '');

afterEach(() => {
  previewSettings(DEFAULT_SETTINGS);
  setLanguage('fa', { lang: '', dir: '' });
});

describe('resultCountText', () => {
  const cases: ['fa' | 'en', number, string, string][] = [
    ['fa', 12, '۱۲ نتیجه', 'Persian digits, singular noun after a number'],
    ['fa', 1, '۱ نتیجه', 'one'],
    ['fa', 0, '۰ نتیجه', 'zero in Persian digits'],
    ['fa', 1234, '۱٬۲۳۴ نتیجه', 'Persian thousands separator'],
    ['fa', 2000, 'بیش از ۲٬۰۰۰ نتیجه', 'the backend stops counting at 2000'],
    ['en', 12, '12 results', 'plural'],
    ['en', 1, '1 result', 'singular'],
    ['en', 0, '0 results', 'zero is plural in English'],
    ['en', 1234, '1,234 results', 'grouped'],
    ['en', 2000, 'More than 2,000 results', 'capped'],
  ];
  for (const [language, total, expected, reason] of cases) {
    test(`${total} in ${language} is «${expected}» (${reason})`, () => {
      // Each language with its usual digits, as a language switch sets them.
      previewSettings({ language, digits: USUAL_FOR[language].digits });
      expect(plain(resultCountText(total)), reason).toBe(expected);
    });
  }

  test('Persian counts have no ASCII digits', () => {
    setLanguage('fa', { lang: '', dir: '' });
    for (const total of [0, 7, 42, 999, 5000]) {
      expect(resultCountText(total), `${total}`).not.toMatch(/[0-9]/);
    }
  });

  test('the count is bidi-isolated inside the sentence', () => {
    setLanguage('fa', { lang: '', dir: '' });
    expect(resultCountText(3), 'FSI…PDI around the number').toBe('\u2068۳\u2069 نتیجه');
  });
});

describe('resultCountText follows the digits setting', () => {
  test('Latin digits in the Persian interface', () => {
    previewSettings({ language: 'fa', digits: 'latin' });
    expect(plain(resultCountText(1234)), 'Latin digits and separator').toBe('1,234 نتیجه');
  });

  test('Persian digits in the English interface; the plural still agrees', () => {
    previewSettings({ language: 'en', digits: 'persian' });
    expect(plain(resultCountText(1)), 'singular').toBe('۱ result');
    expect(plain(resultCountText(12)), 'plural').toBe('۱۲ results');
  });
});
