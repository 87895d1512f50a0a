// "The latest answer wins": when requests may answer out of order, only the
// answer to the newest one is used, so a slow answer to an old request never
// replaces a newer one (stale counts, a save undoing a later change, the
// results of an old query).

/** One request's claim to have its answer used. */
export interface Ticket {
  /** True while no newer request started and nothing was dropped since. */
  readonly current: boolean;
}

/** Hands out tickets; only those of the newest request (or generation) stay current. */
export class Latest {
  private newest = 0;

  /** A new request: every ticket handed out before goes stale. */
  next(): Ticket {
    return this.ticket(++this.newest);
  }

  /** A ticket shared with the others taken since the last `next` or `drop` (pages of one list, say). */
  shared(): Ticket {
    return this.ticket(this.newest);
  }

  /** Every ticket handed out goes stale: no answer on its way is used. */
  drop(): void {
    this.newest++;
  }

  private ticket(number: number): Ticket {
    const isNewest = () => number === this.newest;
    return {
      get current() {
        return isNewest();
      },
    };
  }
}

export type Outcome<Q, R> = { ok: true; query: Q; value: R } | { ok: false; query: Q; error: unknown };

/**
 * Search as you type: waits until typing pauses, and delivers only the
 * answer to the newest request.
 */
export class LatestRequests<Q, R> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly latest = new Latest();

  constructor(
    private readonly fetch: (query: Q) => Promise<R>,
    private readonly deliver: (outcome: Outcome<Q, R>) => void,
    private readonly delayMs = 200,
  ) {}

  /** Asks for `query` once `delayMs` pass without another request (at once with `immediate`). */
  request(query: Q, immediate = false): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const ticket = this.latest.next();
    if (immediate) void this.run(query, ticket);
    else this.timer = setTimeout(() => void this.run(query, ticket), this.delayMs);
  }

  /** Forgets the pending request and any answer still on its way. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.latest.drop();
  }

  private async run(query: Q, ticket: Ticket): Promise<void> {
    let outcome: Outcome<Q, R>;
    try {
      outcome = { ok: true, query, value: await this.fetch(query) };
    } catch (error) {
      outcome = { ok: false, query, error };
    }
    if (ticket.current) this.deliver(outcome);
  }
}
