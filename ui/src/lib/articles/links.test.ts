import { describe, expect, test } from 'vitest';
import { linkAction, linkTargetText } from './links';

describe('linkAction', () => {
  const base = 'https://example.ir/news/2024/story.html';
  const cases: [string | null, string | null, ReturnType<typeof linkAction>, string][] = [
    ['https://example.com/a', null, { kind: 'external', url: 'https://example.com/a' }, 'https'],
    ['http://example.com/', null, { kind: 'external', url: 'http://example.com/' }, 'http'],
    ['mailto:sara@example.ir', null, { kind: 'external', url: 'mailto:sara@example.ir' }, 'mailto'],
    ['../other.html', base, { kind: 'external', url: 'https://example.ir/news/other.html' }, 'relative to the article'],
    ['/about', base, { kind: 'external', url: 'https://example.ir/about' }, 'root-relative'],
    ['../other.html', null, null, 'relative without an article address goes nowhere'],
    ['#notes', base, { kind: 'fragment', id: 'notes' }, 'a place in the article'],
    ['#%D9%BE%D8%A7%D9%86%D9%88%DB%8C%D8%B3', null, { kind: 'fragment', id: 'پانویس' }, 'a Persian fragment, decoded'],
    ['#', null, null, 'an empty fragment'],
    ['javascript:alert(1)', base, null, 'scripts never run'],
    ['file:///etc/passwd', null, null, 'no local files'],
    ['tauri://localhost/index.html', null, null, 'never the app itself'],
    ['data:text/html,hi', null, null, 'no data URLs'],
    ['  ', base, null, 'blank'],
    [null, base, null, 'no href'],
  ];
  for (const [href, from, expected, reason] of cases) {
    test(reason, () => {
      expect(linkAction(href, from), reason).toEqual(expected);
    });
  }
});

describe('linkTargetText', () => {
  test('shows where a link really goes, Persian addresses readable', () => {
    expect(linkTargetText('https://fa.wikipedia.org/wiki/%D8%A8%D8%B1%DA%AF', null)).toBe('https://fa.wikipedia.org/wiki/برگ');
  });

  test('nothing for links that go nowhere', () => {
    expect(linkTargetText('javascript:void(0)', null)).toBeNull();
    expect(linkTargetText('#top', null), 'in-article links need no status').toBeNull();
  });

  test('a malformed escape is shown as it is', () => {
    expect(linkTargetText('https://example.com/%E0%A4%A', null)).toBe('https://example.com/%E0%A4%A');
  });
});
