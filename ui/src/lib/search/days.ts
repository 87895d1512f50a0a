// The date filters: an <input type="date"> value ("YYYY-MM-DD", a day in the
// user's calendar and time zone) becomes inclusive unix-second bounds.

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
