// The date filters: an <input type="date"> value ("YYYY-MM-DD", a day in the
// user's calendar and time zone) becomes inclusive unix-second bounds. With
// the Jalali calendar the user types «۱۴۰۵/۰۹/۱۳» in `JalaliDayField`, and the
// value is still the Gregorian "YYYY-MM-DD" of that day.

function parseDay(value: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Reject days the calendar does not have (2023-02-30), which Date would roll over.
  const check = new Date(year, month - 1, day);
  if (check.getFullYear() !== year || check.getMonth() !== month - 1 || check.getDate() !== day) return null;
  return [year, month, day];
}

/** Local midnight at the start of the day, in unix seconds; null for an empty or invalid value. */
export function dayStart(value: string): number | null {
  const day = parseDay(value);
  if (!day) return null;
  return Math.floor(new Date(day[0], day[1] - 1, day[2]).getTime() / 1000);
}

/**
 * The last second of the day, in unix seconds; null for an empty or invalid
 * value. Computed from the next day's midnight, so days that daylight saving
 * time makes 23 or 25 hours long are covered exactly.
 */
export function dayEnd(value: string): number | null {
  const day = parseDay(value);
  if (!day) return null;
  return Math.floor(new Date(day[0], day[1] - 1, day[2] + 1).getTime() / 1000) - 1;
}

/** What is wrong with a date filter as typed: not a day, or outside the other filter's bound. */
export type DayProblem = 'unreadable' | 'before-min' | 'after-max';

export interface TypedDay {
  /** The text in the field. */
  text: string;
  /** Whether the user has finished typing it (the field lost focus, or Enter): text still being typed is not yet "not a day". */
  committed: boolean;
  /** What the text means: a "YYYY-MM-DD" day, or null when it is no day. */
  day: string | null;
  /** The "From" filter bounds "To" from below and "To" bounds "From" from above; "" when unset. */
  min: string;
  max: string;
}

/**
 * The problem to show under a date filter, or null. A day outside the other
 * filter's bound shows at once (as a date input's `min`/`max` make it
 * `:invalid`); text that is no day, only once the user has finished typing.
 */
export function dayProblem({ text, committed, day, min, max }: TypedDay): DayProblem | null {
  if (day === null) return committed && text.trim() !== '' ? 'unreadable' : null;
  // "YYYY-MM-DD" strings order as their days do.
  if (min !== '' && day < min) return 'before-min';
  if (max !== '' && day > max) return 'after-max';
  return null;
}
