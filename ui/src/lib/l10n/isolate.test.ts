import { describe, expect, test } from 'vitest';
import { buildBundles } from './bundles';
import { isolatedText, latinRuns } from './isolate';

const bundles = buildBundles();

function message(language: 'fa' | 'en', id: string): string {
  const pattern = bundles[language].getMessage(id)?.value;
  if (!pattern) throw new Error(`no ${id} in ${language}`);
  return bundles[language].formatPattern(pattern);
}

const latin = (text: string) => latinRuns(text, 'rtl').flatMap((run) => (run.latin ? [run.text] : []));

describe('Latin runs in Persian interface text', () => {
  test('each scheme and address of the proxy hint is held apart, so the list reads right to left', () => {
    const hint = message('fa', 'settings-proxy-url-hint');
    expect(latin(hint), 'the four schemes in order, socks5h:// again, and DNS').toEqual([
      'http://',
      'https://',
      'socks5://',
      'socks5h://',
      'socks5h://',
      'DNS',
    ]);
    expect(
      latinRuns(hint, 'rtl')
        .map((run) => run.text)
        .join(''),
      'nothing of the text is lost or moved',
    ).toBe(hint);
  });

  test('a whole address stays one run; the Persian comma and the sentence’s full stop stay outside', () => {
    expect(latin(message('fa', 'settings-proxy-url-scheme')), 'the example address whole').toContain('socks5h://127.0.0.1:1080');
    expect(latin('مانند socks5h://127.0.0.1:1080.'), 'the full stop is the sentence’s').toEqual(['socks5h://127.0.0.1:1080']);
    expect(latin('با http://، https://'), 'the comma between two schemes').toEqual(['http://', 'https://']);
  });

  test('a name of several Latin words keeps its words in order', () => {
    expect(latin('برنامهٔ Clash for Windows را باز کنید'), 'one run, not three').toEqual(['Clash for Windows']);
  });

  test('Persian text without Latin, and English text, are left whole', () => {
    expect(latinRuns('نشانی پراکسی', 'rtl'), 'no Latin').toEqual([{ text: 'نشانی پراکسی', latin: false }]);
    const english = message('en', 'settings-proxy-url-hint');
    expect(latinRuns(english, 'ltr'), 'Latin already goes the paragraph’s way').toEqual([{ text: english, latin: false }]);
    expect(latinRuns('', 'rtl'), 'nothing').toEqual([]);
  });

  test('plain text (an option of a list) holds each Latin run between LRI and PDI', () => {
    const kind = message('fa', 'account-kind-greader');
    expect(isolatedText(kind, 'rtl'), 'the API’s name whole, on its own').toBe('رابط \u2066Google Reader\u2069');
    const fever = message('fa', 'account-kind-fever');
    const isolated = isolatedText(fever, 'rtl');
    expect(isolated, 'the name isolated, the note in brackets after it').toMatch(/^رابط \u2066Fever\u2069 \(/);
    expect(isolated.replace(/[\u2066\u2069]/g, ''), 'nothing else changes').toBe(fever);
    expect(isolatedText('Google Reader API', 'ltr'), 'left-to-right text is left alone').toBe('Google Reader API');
  });
});
