import { afterEach, describe, expect, test } from 'vitest';
import { directionOf, ERROR_CODES, errorText, locale, setLanguage, t, type LanguageRoot } from './locale.svelte';

afterEach(() => setLanguage('fa', { lang: '', dir: '' }));

describe('setLanguage', () => {
  test('Persian is right-to-left', () => {
    const root: LanguageRoot = { lang: '', dir: '' };
    setLanguage('fa', root);
    expect(root, '<html lang dir> for Persian').toEqual({ lang: 'fa', dir: 'rtl' });
    expect(locale.dir).toBe('rtl');
  });

  test('English is left-to-right', () => {
    const root: LanguageRoot = { lang: '', dir: '' };
    setLanguage('en', root);
    expect(root, '<html lang dir> for English').toEqual({ lang: 'en', dir: 'ltr' });
    expect(locale.language).toBe('en');
    expect(directionOf('en')).toBe('ltr');
  });

  test('t follows the current language', () => {
    const root: LanguageRoot = { lang: '', dir: '' };
    setLanguage('fa', root);
    expect(t('nav-bookmarks'), 'half-space in «نشانک‌ها»').toBe('نشانک\u200cها');
    expect(t('app-title')).toBe('برگ');
    setLanguage('en', root);
    expect(t('nav-bookmarks')).toBe('Bookmarks');
    expect(t('app-title')).toBe('Barg');
  });

  test('placeables are bidi-isolated', () => {
    setLanguage('fa', { lang: '', dir: '' });
    expect(t('reader-author', { author: 'Jane Doe' }), 'FSI…PDI around the name').toBe('نوشتهٔ \u2068Jane Doe\u2069');
  });
});

describe('errorText', () => {
  test('known codes have their own message', () => {
    setLanguage('en', { lang: '', dir: '' });
    expect(errorText('not-found')).toBe('This article is not in the library.');
  });

  test('every code the backend sends has its own text in both languages', () => {
    for (const language of ['fa', 'en'] as const) {
      setLanguage(language, { lang: '', dir: '' });
      for (const code of ERROR_CODES.filter((c) => c !== 'internal')) {
        expect(errorText(code), `${language}: ${code} is not shown as an internal error`).not.toBe(errorText('internal'));
        expect(errorText(code), `${language}: ${code} has its message`).not.toBe(`error-${code}`);
      }
    }
    setLanguage('en', { lang: '', dir: '' });
    expect(errorText('filtered'), 'a filtered site says so').toContain('filtered');
  });

  test('unknown codes fall back to error-internal', () => {
    setLanguage('en', { lang: '', dir: '' });
    expect(errorText('no-such-code')).toBe(errorText('internal'));
  });
});
