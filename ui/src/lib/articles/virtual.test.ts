import { describe, expect, test } from 'vitest';
import { extentAfterPage, pagesCovering, pagesNeeded, pagesToEvict, scrollTopToReveal, virtualWindow } from './virtual';

const ROW = 100;

describe('virtualWindow', () => {
  test('the top of a long list renders the visible rows and the overscan below', () => {
    const win = virtualWindow({ scrollTop: 0, viewportHeight: 450, rowHeight: ROW, rowCount: 1000, overscan: 3 });
    expect(win, 'rows 0–4 are visible (the 5th partly), 3 more below').toEqual({
      start: 0,
      end: 8,
      spacerHeight: 100_000,
      shift: 0,
    });
  });

  test('in the middle the overscan is on both sides', () => {
    const win = virtualWindow({ scrollTop: 5050, viewportHeight: 400, rowHeight: ROW, rowCount: 1000, overscan: 2 });
    expect([win.start, win.end], 'rows 50–54 visible').toEqual([48, 57]);
  });

  test('the end of the list stops at the last row', () => {
    const win = virtualWindow({ scrollTop: 99_600, viewportHeight: 400, rowHeight: ROW, rowCount: 1000, overscan: 5 });
    expect([win.start, win.end]).toEqual([991, 1000]);
  });

  test('a scroll position past the end (elastic scrolling) is clamped', () => {
    const win = virtualWindow({ scrollTop: 1e9, viewportHeight: 400, rowHeight: ROW, rowCount: 10, overscan: 0 });
    expect([win.start, win.end], 'the last four rows').toEqual([6, 10]);
    const above = virtualWindow({ scrollTop: -80, viewportHeight: 400, rowHeight: ROW, rowCount: 10, overscan: 0 });
    expect([above.start, above.end]).toEqual([0, 4]);
  });

  test('an empty list renders nothing', () => {
    expect(virtualWindow({ scrollTop: 0, viewportHeight: 400, rowHeight: ROW, rowCount: 0, overscan: 5 })).toEqual({
      start: 0,
      end: 0,
      spacerHeight: 0,
      shift: 0,
    });
  });

  test('a million rows: the DOM stays bounded wherever the list is scrolled', () => {
    const rowCount = 1_000_000;
    const maxHeight = 10_000_000;
    for (const scrollTop of [0, 1234, 5_000_000, maxHeight - 800, maxHeight]) {
      const win = virtualWindow({ scrollTop, viewportHeight: 800, rowHeight: ROW, rowCount, overscan: 4, maxHeight });
      expect(win.spacerHeight, 'the content is squeezed under the browser limit').toBe(maxHeight);
      expect(win.end - win.start, `rows rendered at ${scrollTop}`).toBeLessThanOrEqual(800 / ROW + 1 + 8);
      // The first visible row sits at the top of the viewport: rows stay ROW apart and in view.
      const firstTop = (win.start + 4) * ROW + win.shift;
      if (win.start > 0) expect(firstTop, `row placement at ${scrollTop}`).toBeLessThanOrEqual(Math.min(scrollTop, maxHeight - 800));
      if (win.start > 0) expect(firstTop + ROW, `row placement at ${scrollTop}`).toBeGreaterThan(Math.min(scrollTop, maxHeight - 800));
    }
    const end = virtualWindow({ scrollTop: maxHeight, viewportHeight: 800, rowHeight: ROW, rowCount, overscan: 4, maxHeight });
    expect(end.end, 'the scrollbar at the bottom reaches the last row').toBe(rowCount);
    const middle = virtualWindow({ scrollTop: (maxHeight - 800) / 2, viewportHeight: 800, rowHeight: ROW, rowCount, overscan: 0, maxHeight });
    expect(Math.abs(middle.start - (rowCount - 8) / 2), 'half way down the scrollbar is half way down the list').toBeLessThanOrEqual(1);
  });
});

describe('scrollTopToReveal', () => {
  const base = { viewportHeight: 400, rowHeight: ROW, rowCount: 1000 };

  test('a row in view needs no scrolling', () => {
    expect(scrollTopToReveal(12, { ...base, scrollTop: 1150 })).toBe(1150);
  });

  test('a row below the viewport scrolls up to the bottom edge', () => {
    expect(scrollTopToReveal(20, { ...base, scrollTop: 1000 }), 'row 20 ends at 2100').toBe(1700);
  });

  test('a row above the viewport scrolls to the top edge', () => {
    expect(scrollTopToReveal(3, { ...base, scrollTop: 1000 })).toBe(300);
  });

  test('in a squeezed list the revealed row lands in the window', () => {
    const input = { ...base, rowCount: 1_000_000, maxHeight: 1_000_000 };
    const scrollTop = scrollTopToReveal(700_000, { ...input, scrollTop: 0 });
    const win = virtualWindow({ ...input, scrollTop, overscan: 0 });
    expect(win.start <= 700_000 && 700_000 < win.end, `row 700000 within ${win.start}–${win.end}`).toBe(true);
  });
});

describe('pages', () => {
  test('pagesCovering', () => {
    expect(pagesCovering(0, 10, 100)).toEqual([0]);
    expect(pagesCovering(95, 105, 100), 'across a page boundary').toEqual([0, 1]);
    expect(pagesCovering(100, 200, 100), 'end is exclusive').toEqual([1]);
    expect(pagesCovering(5, 5, 100), 'nothing').toEqual([]);
  });

  test('the first page is asked for before anything is known', () => {
    expect(pagesNeeded(0, 1, { knownRows: 0, complete: false }, 100, 50)).toEqual([0]);
  });

  test('the next page is asked for when the viewport nears the last known row', () => {
    const extent = { knownRows: 200, complete: false };
    expect(pagesNeeded(100, 120, extent, 100, 50), 'far from the end').toEqual([1]);
    expect(pagesNeeded(140, 160, extent, 100, 50), 'within the prefetch distance').toEqual([1, 2]);
  });

  test('a complete list asks for nothing past its end', () => {
    expect(pagesNeeded(140, 160, { knownRows: 160, complete: true }, 100, 50)).toEqual([1]);
  });

  test('scrolling back to evicted pages asks for them again', () => {
    expect(pagesNeeded(0, 12, { knownRows: 900, complete: false }, 100, 50)).toEqual([0]);
  });

  test('extentAfterPage', () => {
    const start = { knownRows: 0, complete: false };
    const one = extentAfterPage(start, 0, 100, 100);
    expect(one, 'a full page: there may be more').toEqual({ knownRows: 100, complete: false });
    expect(extentAfterPage(one, 100, 37, 100), 'a short page ends the list').toEqual({ knownRows: 137, complete: true });
    expect(extentAfterPage(one, 100, 0, 100), 'an empty page too').toEqual({ knownRows: 100, complete: true });
    expect(extentAfterPage({ knownRows: 500, complete: false }, 0, 100, 100), 'an earlier page does not shrink what is known').toEqual({
      knownRows: 500,
      complete: false,
    });
    expect(extentAfterPage({ knownRows: 500, complete: false }, 200, 20, 100), 'the library shrank: the short page is the end').toEqual({
      knownRows: 220,
      complete: true,
    });
    expect(extentAfterPage({ knownRows: 150, complete: true }, 100, 100, 100), 'more than the end we knew: not complete any more').toEqual({
      knownRows: 200,
      complete: false,
    });
  });

  test('pagesToEvict keeps pages near the viewport', () => {
    expect(pagesToEvict([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 500, 520, 100, 2)).toEqual([0, 1, 2, 8, 9]);
    expect(pagesToEvict([0, 1], 0, 10, 100, 2), 'near the top nothing goes').toEqual([]);
  });
});
