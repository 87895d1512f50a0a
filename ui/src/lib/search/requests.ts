// Search as you type: waits until typing pauses, and delivers only the answer
// to the newest request, so a slow answer to an old query never replaces the
// results of a newer one.

export type Outcome<Q, R> = { ok: true; query: Q; value: R } | { ok: false; query: Q; error: unknown };

export class LatestRequests<Q, R> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest = 0;

  constructor(
    private readonly fetch: (query: Q) => Promise<R>,
    private readonly deliver: (outcome: Outcome<Q, R>) => void,
    private readonly delayMs = 200,
  ) {}

  /** Asks for `query` once `delayMs` pass without another request (at once with `immediate`). */
  request(query: Q, immediate = false): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const ticket = ++this.latest;
    if (immediate) void this.run(query, ticket);
    else this.timer = setTimeout(() => void this.run(query, ticket), this.delayMs);
  }

  /** Forgets the pending request and any answer still on its way. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.latest++;
  }

  private async run(query: Q, ticket: number): Promise<void> {
    let outcome: Outcome<Q, R>;
    try {
      outcome = { ok: true, query, value: await this.fetch(query) };
    } catch (error) {
      outcome = { ok: false, query, error };
    }
    if (ticket === this.latest) this.deliver(outcome);
  }
}
