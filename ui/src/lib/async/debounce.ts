// Waiting for a pause: a job scheduled again and again (a scroll, a drag, typing)
// runs once, after the last time.

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
