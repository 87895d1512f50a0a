import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Debouncer } from './debounce';

describe('Debouncer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('only the last job runs, once the delay passes without another', () => {
    const saved: number[] = [];
    const debouncer = new Debouncer(500);
    debouncer.schedule(() => saved.push(0.1));
    vi.advanceTimersByTime(300);
    debouncer.schedule(() => saved.push(0.2));
    vi.advanceTimersByTime(300);
    expect(saved, 'still scrolling').toEqual([]);
    vi.advanceTimersByTime(200);
    expect(saved, 'the last position, once').toEqual([0.2]);
  });

  test('flush runs the waiting job now (another article opens), and only once', () => {
    const saved: number[] = [];
    const debouncer = new Debouncer(500);
    debouncer.schedule(() => saved.push(1));
    debouncer.flush();
    expect(saved).toEqual([1]);
    vi.advanceTimersByTime(1000);
    debouncer.flush();
    expect(saved, 'not again').toEqual([1]);
  });

  test('cancel drops the waiting job', () => {
    const saved: number[] = [];
    const debouncer = new Debouncer(500);
    debouncer.schedule(() => saved.push(1));
    debouncer.cancel();
    vi.advanceTimersByTime(1000);
    expect(saved).toEqual([]);
  });
});
