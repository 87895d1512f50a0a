import { FluentBundle, FluentResource } from '@fluent/bundle';
import { describe, expect, test } from 'vitest';
import { DisplayNumber, toDisplayDigits } from './digits';

describe('toDisplayDigits', () => {
  const cases: [string, 'persian' | 'latin', string, string][] = [
    ['2 hours ago', 'persian', '۲ hours ago', 'ASCII to Persian'],
    ['۲ ساعت پیش', 'latin', '2 ساعت پیش', 'Persian to ASCII'],
    ['٣٤ مقالة', 'persian', '۳۴ مقالة', 'Arabic-Indic to Persian'],
    ['٣٤', 'latin', '34', 'Arabic-Indic to ASCII'],
    ['1,234', 'persian', '۱٬۲۳۴', 'thousands separator between digits becomes Persian'],
    ['۱٬۲۳۴', 'latin', '1,234', 'and back'],
    ['1.5', 'persian', '۱٫۵', 'decimal separator'],
    ['۱٫۵', 'latin', '1.5', 'decimal separator back'],
    ['Dec 28, 2021', 'persian', 'Dec ۲۸, ۲۰۲۱', 'a comma before a space is punctuation, not a separator'],
    ['no digits', 'persian', 'no digits', 'nothing to change'],
    ['۷ دی ۱۴۰۰', 'persian', '۷ دی ۱۴۰۰', 'already Persian'],
  ];
  for (const [input, digits, expected, reason] of cases) {
    test(`${input} → ${expected} (${reason})`, () => {
      expect(toDisplayDigits(input, digits), reason).toBe(expected);
    });
  }

  test('round trip', () => {
    const text = 'page 12 of 3,456';
    expect(toDisplayDigits(toDisplayDigits(text, 'persian'), 'latin')).toBe(text);
  });
});

describe('DisplayNumber in a Fluent message', () => {
  const messages = 'items = { $count ->\n    [one] { $count } item\n   *[other] { $count } items\n}\n';

  function format(language: string, value: DisplayNumber | number): string {
    const bundle = new FluentBundle(language, { useIsolating: false });
    bundle.addResource(new FluentResource(messages));
    const errors: Error[] = [];
    const text = bundle.formatPattern(bundle.getMessage('items')!.value!, { count: value }, errors);
    expect(errors.map(String)).toEqual([]);
    return text;
  }

  test('plural variants still select on the number', () => {
    expect(format('en', new DisplayNumber(1, 'latin')), 'one').toBe('1 item');
    expect(format('en', new DisplayNumber(3, 'latin')), 'other').toBe('3 items');
    expect(format('en', new DisplayNumber(1, 'persian')), 'one, Persian digits').toBe('۱ item');
  });

  test('the digits follow the setting, not the bundle language', () => {
    expect(format('fa', 12), 'a plain number in a Persian bundle has Persian digits').toBe('۱۲ items');
    expect(format('fa', new DisplayNumber(12, 'latin')), 'Latin asked for').toBe('12 items');
    expect(format('en', new DisplayNumber(1234, 'persian')), 'grouping separator too').toBe('۱٬۲۳۴ items');
  });
});
