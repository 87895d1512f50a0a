// The reading position: how far down the article the reader has scrolled,
// as a fraction from 0 (top) to 1 (end), saved a moment after scrolling stops.

/** The scroll position as a fraction 0..1; 0 when nothing scrolls. */
export function scrollFraction(scrollTop: number, scrollHeight: number, clientHeight: number): number {
  const range = scrollHeight - clientHeight;
  if (range <= 0) return 0;
  return Math.min(1, Math.max(0, scrollTop / range));
}

/** The scroll position for a saved fraction. */
export function scrollTopFor(fraction: number, scrollHeight: number, clientHeight: number): number {
  const range = Math.max(0, scrollHeight - clientHeight);
  const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return Math.round(clamped * range);
}
