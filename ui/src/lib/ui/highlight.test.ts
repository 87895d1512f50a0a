import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import Highlighted from './Highlighted.svelte';
import { highlightRuns, partsText } from './highlight';

const part = (text: string, hit = false) => ({ text, hit });

describe('highlightRuns', () => {
  const cases: [string, ReturnType<typeof part>[], ReturnType<typeof part>[]][] = [
    ['no parts, nothing to render', [], []],
    ['plain text stays one run', [part('سلام دنیا')], [part('سلام دنیا')]],
    [
      'a match in the middle',
      [part('کتاب '), part('خانه', true), part(' ملی')],
      [part('کتاب '), part('خانه', true), part(' ملی')],
    ],
    [
      'neighbouring matches join into one <mark>',
      [part('نیم', true), part('\u200cفاصله', true), part(' درست')],
      [part('نیم\u200cفاصله', true), part(' درست')],
    ],
    ['empty parts are dropped, so no empty <mark>', [part('', true), part('a'), part(''), part('b')], [part('ab')]],
  ];
  for (const [reason, input, expected] of cases) {
    test(reason, () => {
      expect(highlightRuns(input), reason).toEqual(expected);
    });
  }

  test('does not change the parts it was given', () => {
    const input = [part('a', true), part('b', true)];
    highlightRuns(input);
    expect(input, 'the caller’s parts are untouched').toEqual([part('a', true), part('b', true)]);
  });

  test('the runs keep the original text, half-spaces included', () => {
    const input = [part('می'), part('\u200cخواهم', true), part(' ', false), part('', true)];
    expect(partsText(highlightRuns(input)), 'no character lost or added').toBe(partsText(input));
  });
});

describe('<Highlighted>', () => {
  const html = (parts: ReturnType<typeof part>[]) =>
    render(Highlighted, { props: { parts } })
      .body.replace(/<!--[^>]*-->/g, '')
      .replace(/ class="[^"]*"/g, '');

  test('matches are <mark> elements, the rest plain text', () => {
    expect(html([part('the '), part('quick', true), part(' fox')]), 'one mark around the match').toBe(
      'the <mark>quick</mark> fox',
    );
  });

  test('markup in the text is shown as text, never parsed', () => {
    const rendered = html([part('<img src=x onerror=alert(1)>', true), part(' & <b>bold</b>')]);
    expect(rendered, 'angle brackets are escaped').not.toMatch(/<img|<b>/);
    expect(rendered, 'the match is still marked').toMatch(/^<mark>&lt;img/);
  });
});
