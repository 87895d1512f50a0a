import { describe, expect, test } from 'vitest';
import { scrollFraction, scrollTopFor } from './position';

describe('scroll fraction', () => {
  test('top, middle and end', () => {
    expect(scrollFraction(0, 3000, 1000)).toBe(0);
    expect(scrollFraction(1000, 3000, 1000)).toBe(0.5);
    expect(scrollFraction(2000, 3000, 1000)).toBe(1);
  });

  test('an article shorter than the pane is at 0', () => {
    expect(scrollFraction(0, 800, 1000)).toBe(0);
  });

  test('elastic overscroll stays within 0..1', () => {
    expect(scrollFraction(-40, 3000, 1000)).toBe(0);
    expect(scrollFraction(2100, 3000, 1000)).toBe(1);
  });

  test('restoring is the inverse, at another pane height too', () => {
    expect(scrollTopFor(0.5, 3000, 1000)).toBe(1000);
    expect(scrollTopFor(scrollFraction(1500, 5000, 1000), 5000, 1000)).toBe(1500);
    expect(scrollTopFor(0.25, 4200, 200), 'a shorter pane').toBe(1000);
  });

  test('an unusable saved position restores to the top or the end', () => {
    expect(scrollTopFor(Number.NaN, 3000, 1000)).toBe(0);
    expect(scrollTopFor(-1, 3000, 1000)).toBe(0);
    expect(scrollTopFor(7, 3000, 1000)).toBe(2000);
  });
});
