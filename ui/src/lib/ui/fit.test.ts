import { describe, expect, it } from 'vitest';
import { cutToFit } from './fit';

// A box that holds `width` characters.
const box = (width: number) => (text: string) => Array.from(text).length <= width;

describe('cutToFit', () => {
  it('keeps a name that fits whole', () => {
    expect(cutToFit('Blogs on امیررضا', box(40)), 'nothing to cut').toBe('Blogs on امیررضا');
  });

  it('cuts at the logical end, so the start (and the Persian name after it) stays', () => {
    expect(cutToFit('Blogs on امیررضا قادری، برنامه‌نویس', box(18)), 'the first 16 characters, an ellipsis and RLM').toBe(
      'Blogs on امیررضا…\u200f',
    );
    expect(cutToFit('Release notes for Barg', box(10)), 'after a Latin word, LRM').toBe('Release…\u200e');
  });

  it('never ends on a space, half-space or comma before the ellipsis', () => {
    expect(cutToFit('امیررضا قادری، برنامه‌نویس', box(16)), 'the comma and space before the cut go').toBe('امیررضا قادری…\u200f');
    expect(cutToFit('برنامه‌نویس آزاد', box(9)), 'no half-space before the ellipsis').toBe('برنامه…\u200f');
  });

  it('shows at least the ellipsis in a box too narrow for a letter', () => {
    expect(cutToFit('Blogs', box(1)), 'an empty start').toBe('…\u200e');
  });
});
