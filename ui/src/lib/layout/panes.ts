// The three panes' widths: sources and list have a width the user drags or
// keys; the reader takes the rest. Widths are in CSS pixels along the inline
// axis, so "wider" means the same in both directions; only turning a
// physical pointer movement or arrow key into a change needs the direction.
import { DEFAULT_SETTINGS, PANE_WIDTH_RANGES, type Direction } from '../generated/ipc';

export type PaneWidths = [number, number];
export type PaneIndex = 0 | 1;
export type { Direction };

/** Below this window width only one pane shows at a time. */
export const NARROW_BELOW = 760;

export const DEFAULT_PANE_WIDTHS: PaneWidths = [...DEFAULT_SETTINGS.paneWidths];

/** [min, max] of the sources pane and of the list pane: the backend's own limits, generated. */
export const PANE_LIMITS: readonly [readonly [number, number], readonly [number, number]] = PANE_WIDTH_RANGES;

/** The reader keeps at least this much when the panes are fitted to the window. */
export const READER_MIN = 320;

/** The two splitters' own width. */
export const SPLITTERS_WIDTH = 2 * 6;

/** Keyboard steps: an arrow key, and Shift with an arrow key. */
export const STEP = 16;
export const BIG_STEP = 64;

function clamp(value: number, [min, max]: readonly [number, number]): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** Each width within its limits; anything unusable gives the default. */
export function clampPaneWidths(widths: unknown): PaneWidths {
  if (!Array.isArray(widths) || widths.length !== 2 || !widths.every((w) => typeof w === 'number' && Number.isFinite(w))) {
    return [...DEFAULT_PANE_WIDTHS];
  }
  return [clamp(widths[0], PANE_LIMITS[0]), clamp(widths[1], PANE_LIMITS[1])];
}

/**
 * The widths to show in a window `containerWidth` wide: the reader keeps
 * `READER_MIN`; the list gives way first, then the sources, down to their minimums.
 */
export function fitPaneWidths(widths: PaneWidths, containerWidth: number): PaneWidths {
  let [sources, list] = clampPaneWidths(widths);
  let excess = sources + list + SPLITTERS_WIDTH + READER_MIN - containerWidth;
  if (excess > 0) {
    const fromList = Math.min(excess, list - PANE_LIMITS[1][0]);
    list -= fromList;
    excess -= fromList;
    sources -= Math.min(excess, sources - PANE_LIMITS[0][0]);
  }
  return [sources, list];
}

/** The widest pane `pane` may be in a window `containerWidth` wide. */
export function maxPaneWidth(widths: PaneWidths, pane: PaneIndex, containerWidth: number): number {
  const other = widths[pane === 0 ? 1 : 0];
  const room = containerWidth - other - SPLITTERS_WIDTH - READER_MIN;
  return Math.max(PANE_LIMITS[pane][0], Math.min(PANE_LIMITS[pane][1], room));
}

/** `pane` made `delta` px wider (narrower when negative), within its limits and the window. */
export function resizePane(widths: PaneWidths, pane: PaneIndex, delta: number, containerWidth: number): PaneWidths {
  const next: PaneWidths = [...widths];
  next[pane] = clamp(widths[pane] + delta, [PANE_LIMITS[pane][0], maxPaneWidth(widths, pane, containerWidth)]);
  return next;
}

/**
 * How much wider the pane before a splitter gets when the pointer moves `dx`
 * px to the right: in RTL the pane before the splitter is on its right, so
 * moving right makes it narrower.
 */
export function inlineDelta(dx: number, dir: Direction): number {
  return dir === 'rtl' ? -dx : dx;
}

/**
 * What a key does to the pane before a focused splitter: a change in px,
 * 'min' or 'max' (Home, End), or null for keys it ignores. The arrows move the
 * splitter the way they point on screen.
 */
export function splitterKey(key: string, shift: boolean, dir: Direction): number | 'min' | 'max' | null {
  const step = shift ? BIG_STEP : STEP;
  switch (key) {
    case 'ArrowRight':
      return inlineDelta(step, dir);
    case 'ArrowLeft':
      return inlineDelta(-step, dir);
    case 'Home':
      return 'min';
    case 'End':
      return 'max';
    default:
      return null;
  }
}
