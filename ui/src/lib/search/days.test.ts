import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { dayEnd, dayProblem, dayStart, type DayProblem, type TypedDay } from './days';

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

describe('dayProblem', () => {
  const typed = (text: string, day: string | null, more: Partial<TypedDay> = {}): TypedDay => ({
    text,
    day,
    committed: true,
    min: '',
    max: '',
    ...more,
  });
  const cases: [TypedDay, DayProblem | null, string][] = [
    [typed('', null), null, 'an empty filter is no problem: it is off'],
    [typed('   ', null), null, 'spaces only are an empty filter'],
    [typed('1405/09/13', '2026-12-04'), null, 'a day with no bounds'],
    [typed('1405/13/01', null), 'unreadable', 'text that is no day, once typed'],
    [typed('1405/0', null, { committed: false }), null, 'text still being typed is not flagged yet'],
    [typed('1405/09/13', '2026-12-04', { max: '2026-12-04' }), null, '"From" may be the same day as "To"'],
    [typed('1405/09/14', '2026-12-05', { max: '2026-12-04' }), 'after-max', '"From" after "To"'],
    [typed('1405/09/12', '2026-12-03', { min: '2026-12-04' }), 'before-min', '"To" before "From"'],
    [typed('1405/09/12', '2026-12-03', { min: '2026-12-04', committed: false }), 'before-min', 'a day out of bounds shows while typing, as :invalid does'],
    [typed('1405/09/13', '2026-12-04', { min: '2026-12-04', max: '2026-12-04' }), null, 'a one-day range'],
    [typed('1405/13/01', null, { min: '2026-12-04' }), 'unreadable', 'no day: the bound cannot be compared'],
  ];
  for (const [field, expected, reason] of cases) {
    test(`${JSON.stringify(field.text)} ${field.day ?? 'no day'} (${field.min}…${field.max}): ${expected}`, () => {
      expect(dayProblem(field), reason).toBe(expected);
    });
  }
});
