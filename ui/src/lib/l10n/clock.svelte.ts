// "Now" for relative dates («۲ ساعت پیش»), ticking once a minute so the rows
// age while the window stays open. Read `clock.now` in a template or effect.
let now = $state(Math.floor(Date.now() / 1000));

export const clock = {
  /** Unix seconds, updated every `TICK_MS`. */
  get now(): number {
    return now;
  },
};

const TICK_MS = 30_000;

/** Starts the clock; returns the function that stops it. */
export function startClock(): () => void {
  now = Math.floor(Date.now() / 1000);
  const timer = setInterval(() => (now = Math.floor(Date.now() / 1000)), TICK_MS);
  return () => clearInterval(timer);
}
