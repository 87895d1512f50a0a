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

interface Timers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

/** Runs the last scheduled job once `delayMs` pass without another; `flush` runs it now. */
export class Debouncer {
  private handle: unknown = null;
  private job: (() => void) | null = null;
  private readonly delayMs: number;
  private readonly timers: Timers;

  constructor(delayMs: number, timers?: Timers) {
    this.delayMs = delayMs;
    this.timers = timers ?? {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
  }

  schedule(job: () => void): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.job = job;
    this.handle = this.timers.setTimeout(() => this.flush(), this.delayMs);
  }

  /** Runs the waiting job, if any, at once. */
  flush(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    const job = this.job;
    this.job = null;
    job?.();
  }

  cancel(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.job = null;
  }
}
