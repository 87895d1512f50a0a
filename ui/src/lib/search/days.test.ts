import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { dayEnd, dayStart } from './days';

const seconds = (iso: string) => Date.parse(iso) / 1000;

// Node reads TZ again whenever it changes, so each case runs in a chosen zone.
let savedTz: string | undefined;
beforeEach(() => {
  savedTz = process.env.TZ;
});
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('dayStart and dayEnd', () => {
  const cases: [string, string, string, string, string][] = [
    ['UTC', '2024-03-20', '2024-03-20T00:00:00Z', '2024-03-20T23:59:59Z', 'a plain day'],
    ['Asia/Tehran', '2024-03-20', '2024-03-19T20:30:00Z', '2024-03-20T20:29:59Z', 'Tehran is UTC+3:30 (no DST since 2022)'],
    ['America/New_York', '2024-03-10', '2024-03-10T05:00:00Z', '2024-03-11T03:59:59Z', 'DST starts: a 23-hour day'],
    ['America/New_York', '2024-11-03', '2024-11-03T04:00:00Z', '2024-11-04T04:59:59Z', 'DST ends: a 25-hour day'],
    ['UTC', '2024-02-29', '2024-02-29T00:00:00Z', '2024-02-29T23:59:59Z', 'a leap day'],
  ];
  for (const [tz, day, start, end, reason] of cases) {
    test(`${day} in ${tz}: ${reason}`, () => {
      process.env.TZ = tz;
      expect(dayStart(day), `${reason}: start`).toBe(seconds(start));
      expect(dayEnd(day), `${reason}: end`).toBe(seconds(end));
    });
  }

  test('empty or invalid values are no bound', () => {
    for (const value of ['', '  ', '2024-13-01', '2023-02-29', '2024-3-1', 'yesterday']) {
      expect(dayStart(value), `start of ${JSON.stringify(value)}`).toBeNull();
      expect(dayEnd(value), `end of ${JSON.stringify(value)}`).toBeNull();
    }
  });
});
