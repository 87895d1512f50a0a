// The arithmetic of the virtualized article list: which rows are on screen,
// which pages to ask the backend for, and where to scroll to reveal a row.
// Rows have one fixed height, so a row's place follows from its index.
//
// Browsers cap an element's height (about 33 million px in WebKit, 17 million
// in Firefox); a list taller than `maxHeight` is squeezed into it: the
// scrollbar maps linearly onto the whole list, and the rows on screen are
// placed relative to the real scroll position, so they stay `rowHeight` apart.

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan: number;
  /** The tallest the scrolled content may be. */
  maxHeight?: number;
}

export interface VirtualWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** Height of the scrolled content. */
  spacerHeight: number;
  /** Row `i` goes at `i * rowHeight + shift` in the content. */
  shift: number;
}

export const DEFAULT_MAX_HEIGHT = 10_000_000;

interface Geometry {
  fullHeight: number;
  spacerHeight: number;
  /** Scroll range of the real content and of the (possibly taller) list. */
  realRange: number;
  fullRange: number;
}

function geometry(viewportHeight: number, rowHeight: number, rowCount: number, maxHeight: number): Geometry {
  const fullHeight = Math.max(0, rowCount) * rowHeight;
  const spacerHeight = Math.min(fullHeight, maxHeight);
  return {
    fullHeight,
    spacerHeight,
    realRange: Math.max(0, spacerHeight - viewportHeight),
    fullRange: Math.max(0, fullHeight - viewportHeight),
  };
}

/** Where in the whole list the viewport's top edge is, for a real scroll position. */
function listOffset(scrollTop: number, g: Geometry): number {
  const clamped = Math.min(Math.max(0, scrollTop), g.realRange);
  if (g.fullHeight === g.spacerHeight || g.realRange === 0) return clamped;
  return (clamped * g.fullRange) / g.realRange;
}

export function virtualWindow(input: WindowInput): VirtualWindow {
  const { viewportHeight, rowHeight, rowCount, overscan } = input;
  const g = geometry(viewportHeight, rowHeight, rowCount, input.maxHeight ?? DEFAULT_MAX_HEIGHT);
  const offset = listOffset(input.scrollTop, g);
  const first = Math.floor(offset / rowHeight);
  const last = Math.ceil((offset + Math.max(0, viewportHeight)) / rowHeight);
  const clampedTop = Math.min(Math.max(0, input.scrollTop), g.realRange);
  return {
    start: Math.max(0, Math.min(rowCount, first - overscan)),
    end: Math.max(0, Math.min(rowCount, last + overscan)),
    spacerHeight: g.spacerHeight,
    shift: clampedTop - offset,
  };
}

/**
 * The scroll position that brings row `index` fully into view with the least
 * movement; `scrollTop` itself when it is already in view.
 */
export function scrollTopToReveal(index: number, input: Omit<WindowInput, 'overscan'>): number {
  const { viewportHeight, rowHeight, rowCount } = input;
  const g = geometry(viewportHeight, rowHeight, rowCount, input.maxHeight ?? DEFAULT_MAX_HEIGHT);
  const offset = listOffset(input.scrollTop, g);
  const rowTop = index * rowHeight;
  let target = offset;
  if (rowTop < offset) target = rowTop;
  else if (rowTop + rowHeight > offset + viewportHeight) target = rowTop + rowHeight - viewportHeight;
  else return input.scrollTop;
  target = Math.min(Math.max(0, target), g.fullRange);
  if (g.fullHeight === g.spacerHeight || g.fullRange === 0) return target;
  return (target * g.realRange) / g.fullRange;
}

/** The pages (of `pageSize` rows, numbered from 0) that hold rows `start` to `end - 1`. */
export function pagesCovering(start: number, end: number, pageSize: number): number[] {
  const pages: number[] = [];
  if (end <= start) return pages;
  for (let page = Math.floor(start / pageSize); page <= Math.floor((end - 1) / pageSize); page++) pages.push(page);
  return pages;
}

export interface ListExtent {
  /** Rows known to exist so far. */
  knownRows: number;
  /** Whether a short page has shown where the list ends. */
  complete: boolean;
}

/**
 * The pages the rows `start`…`end - 1` need, and the next unknown page once
 * the viewport comes within `prefetch` rows of the last known row.
 */
export function pagesNeeded(start: number, end: number, extent: ListExtent, pageSize: number, prefetch: number): number[] {
  const pages = pagesCovering(start, Math.min(end, extent.knownRows), pageSize);
  if (!extent.complete && end + prefetch >= extent.knownRows) {
    const next = Math.floor(extent.knownRows / pageSize);
    if (!pages.includes(next)) pages.push(next);
  }
  return pages;
}

/** What a page of `length` rows fetched at `offset` says about the list's extent. */
export function extentAfterPage(extent: ListExtent, offset: number, length: number, pageSize: number): ListExtent {
  if (length < pageSize) return { knownRows: offset + length, complete: true };
  const end = offset + length;
  return { knownRows: Math.max(extent.knownRows, end), complete: extent.complete && end <= extent.knownRows };
}

/** Pages to drop from memory: those more than `keep` pages away from the rows on screen. */
export function pagesToEvict(loaded: Iterable<number>, start: number, end: number, pageSize: number, keep: number): number[] {
  const first = Math.floor(start / pageSize) - keep;
  const last = Math.floor(Math.max(start, end - 1) / pageSize) + keep;
  return [...loaded].filter((page) => page < first || page > last);
}
