import { describe, expect, test } from 'vitest';
import {
  clampPaneWidths,
  DEFAULT_PANE_WIDTHS,
  fitPaneWidths,
  inlineDelta,
  PANE_LIMITS,
  READER_MIN,
  resizePane,
  SPLITTERS_WIDTH,
  splitterKey,
  STEP,
} from './panes';

describe('clampPaneWidths', () => {
  test('widths within their limits', () => {
    expect(clampPaneWidths([220, 380])).toEqual([220, 380]);
    expect(clampPaneWidths([10, 5000]), 'too narrow and too wide').toEqual([PANE_LIMITS[0][0], PANE_LIMITS[1][1]]);
  });

  test('anything unusable is the default', () => {
    for (const bad of [null, undefined, [], [1], [1, 2, 3], ['a', 2], [Number.NaN, 300], 'wide']) {
      expect(clampPaneWidths(bad), JSON.stringify(bad)).toEqual(DEFAULT_PANE_WIDTHS);
    }
  });
});

describe('fitPaneWidths', () => {
  test('a wide window shows the widths as set', () => {
    expect(fitPaneWidths([220, 380], 1180)).toEqual([220, 380]);
  });

  test('a small window: the list gives way first, the reader keeps its minimum', () => {
    const [sources, list] = fitPaneWidths([300, 600], 900);
    expect(sources, 'the sources keep their width while the list can give').toBe(300);
    expect(sources + list + SPLITTERS_WIDTH + READER_MIN, 'the reader keeps READER_MIN').toBe(900);
  });

  test('then the sources, down to both minimums', () => {
    expect(fitPaneWidths([300, 600], 400)).toEqual([PANE_LIMITS[0][0], PANE_LIMITS[1][0]]);
  });
});

describe('resizePane', () => {
  test('wider and narrower within the limits', () => {
    expect(resizePane([220, 380], 0, 40, 1400)).toEqual([260, 380]);
    expect(resizePane([220, 380], 1, -100, 1400)).toEqual([220, 280]);
    expect(resizePane([220, 380], 0, -500, 1400), 'not below the minimum').toEqual([PANE_LIMITS[0][0], 380]);
  });

  test('the reader keeps its minimum', () => {
    const [, list] = resizePane([220, 380], 1, 1000, 1180);
    expect(list, 'what the window leaves').toBe(1180 - 220 - SPLITTERS_WIDTH - READER_MIN);
  });
});

describe('direction', () => {
  test('dragging right widens the pane before the splitter in LTR and narrows it in RTL', () => {
    expect(inlineDelta(30, 'ltr')).toBe(30);
    expect(inlineDelta(30, 'rtl')).toBe(-30);
  });

  test('arrow keys move the splitter the way they point', () => {
    expect(splitterKey('ArrowRight', false, 'ltr'), 'LTR: right widens').toBe(STEP);
    expect(splitterKey('ArrowRight', false, 'rtl'), 'RTL: the pane is on the right, so right narrows it').toBe(-STEP);
    expect(splitterKey('ArrowLeft', false, 'rtl'), 'RTL: left widens').toBe(STEP);
    expect(splitterKey('ArrowLeft', true, 'ltr'), 'Shift: a bigger step').toBeLessThan(-STEP);
    expect(splitterKey('Home', false, 'rtl')).toBe('min');
    expect(splitterKey('End', false, 'ltr')).toBe('max');
    expect(splitterKey('ArrowUp', false, 'ltr'), 'a vertical splitter ignores up and down').toBeNull();
  });
});
