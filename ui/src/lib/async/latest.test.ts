import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Latest, LatestRequests, type Outcome } from './latest';

/** A fetch whose answers the test releases by hand, in any order. */
function controlledFetch() {
  const waiting = new Map<string, { resolve: (value: string) => void; reject: (error: unknown) => void }>();
  const asked: string[] = [];
  const fetch = (query: string) =>
    new Promise<string>((resolve, reject) => {
      asked.push(query);
      waiting.set(query, { resolve, reject });
    });
  return { fetch, asked, answer: (query: string) => waiting.get(query)!.resolve(`result:${query}`), fail: (query: string) => waiting.get(query)!.reject(new Error(query)) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Latest', () => {
  test('a newer request makes the older one stale', () => {
    const latest = new Latest();
    const first = latest.next();
    expect(first.current, 'alone, the first request is the newest').toBe(true);
    const second = latest.next();
    expect(first.current, 'its answer arriving now would be stale').toBe(false);
    expect(second.current, 'the newest answer is used').toBe(true);
  });

  test('shared tickets stay current together until a drop', () => {
    const latest = new Latest();
    const pageOne = latest.shared();
    const pageTwo = latest.shared();
    expect([pageOne.current, pageTwo.current], 'pages of one list are all used').toEqual([true, true]);
    latest.drop();
    expect([pageOne.current, pageTwo.current], 'after the list changed, no page on its way is used').toEqual([false, false]);
    expect(latest.shared().current, 'a page asked for after the change is used').toBe(true);
  });
});

describe('LatestRequests', () => {
  test('typing fast sends only the last query, after the pause', async () => {
    const backend = controlledFetch();
    const delivered: Outcome<string, string>[] = [];
    const requests = new LatestRequests(backend.fetch, (outcome) => delivered.push(outcome), 200);
    requests.request('ک');
    await vi.advanceTimersByTimeAsync(100);
    requests.request('کت');
    await vi.advanceTimersByTimeAsync(100);
    requests.request('کتاب');
    await vi.advanceTimersByTimeAsync(199);
    expect(backend.asked, 'nothing is sent while typing').toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(backend.asked, 'only the last query after 200 ms').toEqual(['کتاب']);
    backend.answer('کتاب');
    await vi.runAllTimersAsync();
    expect(delivered, 'its answer is delivered').toEqual([{ ok: true, query: 'کتاب', value: 'result:کتاب' }]);
  });

  test('a slow answer to an older query never replaces a newer one', async () => {
    const backend = controlledFetch();
    const delivered: string[] = [];
    const requests = new LatestRequests(backend.fetch, (outcome) => delivered.push(outcome.ok ? outcome.value : 'error'), 200);
    requests.request('old');
    await vi.advanceTimersByTimeAsync(200);
    requests.request('new');
    await vi.advanceTimersByTimeAsync(200);
    expect(backend.asked, 'both were sent').toEqual(['old', 'new']);
    backend.answer('new');
    await vi.runAllTimersAsync();
    backend.answer('old');
    await vi.runAllTimersAsync();
    expect(delivered, 'the old answer arrived last and was dropped').toEqual(['result:new']);
  });

  test('a failure of an older query is dropped too; the newest failure is delivered', async () => {
    const backend = controlledFetch();
    const delivered: Outcome<string, string>[] = [];
    const requests = new LatestRequests(backend.fetch, (outcome) => delivered.push(outcome), 200);
    requests.request('a', true);
    requests.request('b', true);
    backend.fail('a');
    backend.fail('b');
    await vi.runAllTimersAsync();
    expect(delivered.map((outcome) => [outcome.ok, outcome.query]), 'only b').toEqual([[false, 'b']]);
  });

  test('immediate requests skip the pause', async () => {
    const backend = controlledFetch();
    const requests = new LatestRequests(backend.fetch, () => {}, 200);
    requests.request('more', true);
    expect(backend.asked, 'sent at once').toEqual(['more']);
  });

  test('cancel drops the pending request and the answer on its way', async () => {
    const backend = controlledFetch();
    const delivered: unknown[] = [];
    const requests = new LatestRequests(backend.fetch, (outcome) => delivered.push(outcome), 200);
    requests.request('sent', true);
    requests.cancel();
    requests.request('typed');
    requests.cancel();
    await vi.advanceTimersByTimeAsync(500);
    expect(backend.asked, 'the typed query was never sent').toEqual(['sent']);
    backend.answer('sent');
    await vi.runAllTimersAsync();
    expect(delivered, 'nothing delivered after cancel').toEqual([]);
  });
});
