// The settings as the interface uses them: applied at once to the document,
// persisted through the backend.
import { Latest } from '../async/latest';
import { getSettings, setSettings, toBackendError, type Settings } from '../backend';
import { clampPaneWidths } from '../layout/panes';
import { setLanguage } from '../l10n/locale.svelte';
import { applyTheme } from './theme';

// The defaults and ranges are Rust's (`src-tauri/src/settings.rs`), generated.
import {
  CALENDARS,
  DEFAULT_SETTINGS,
  DIGITS,
  FONT_SIZE_RANGE,
  LANGUAGES,
  LINE_HEIGHT_RANGE,
  TEXT_WIDTH_RANGE,
  THEMES,
} from '../generated/ipc';
export { DEFAULT_SETTINGS, FONT_SIZE_RANGE, LINE_HEIGHT_RANGE, TEXT_WIDTH_RANGE };

/** How often feeds may refresh by themselves, in minutes; 0 is off. */
export const REFRESH_CHOICES = [0, 15, 30, 60, 180] as const;

/** The choice nearest to `value` (a stored value the menu does not offer), or the default. */
function refreshChoice(value: unknown, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return fallback;
  return REFRESH_CHOICES.reduce((best, choice) => (Math.abs(choice - value) < Math.abs(best - value) ? choice : best));
}

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function inRange(value: unknown, [min, max]: readonly [number, number, number], fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * Fills in what an older backend does not send yet (repair and mark-read are
 * on by default), and keeps numbers within their ranges.
 */
export function withDefaults(stored: Partial<Settings>): Settings {
  const d = DEFAULT_SETTINGS;
  return {
    language: pick(stored.language, LANGUAGES, d.language),
    theme: pick(stored.theme, THEMES, d.theme),
    repairHalfSpaces: flag(stored.repairHalfSpaces, d.repairHalfSpaces),
    fontSize: Math.round(inRange(stored.fontSize, FONT_SIZE_RANGE, d.fontSize)),
    // One decimal: a range input's steps add up to 1.9000000000000001.
    lineHeight: Math.round(inRange(stored.lineHeight, LINE_HEIGHT_RANGE, d.lineHeight) * 10) / 10,
    textWidth: Math.round(inRange(stored.textWidth, TEXT_WIDTH_RANGE, d.textWidth)),
    digits: pick(stored.digits, DIGITS, d.digits),
    calendar: pick(stored.calendar, CALENDARS, d.calendar),
    markReadOnOpen: flag(stored.markReadOnOpen, d.markReadOnOpen),
    paneWidths: stored.paneWidths === undefined ? [...d.paneWidths] : clampPaneWidths(stored.paneWidths),
    refreshMinutes: refreshChoice(stored.refreshMinutes, d.refreshMinutes),
    feedsOffered: flag(stored.feedsOffered, d.feedsOffered),
  };
}

/** The digits and calendar that go with each interface language. */
export const USUAL_FOR: Record<Settings['language'], Pick<Settings, 'digits' | 'calendar'>> = {
  fa: { digits: 'persian', calendar: 'jalali' },
  en: { digits: 'latin', calendar: 'gregorian' },
};

/**
 * The change that switches the interface to `language`. Digits and calendar
 * are the user's own choice, independent of the language; but when they are
 * still the ones that go with the old language, they follow the new one (an
 * English interface shows "Dec 28, 2021" unless the user asked for Jalali).
 */
export function languageChange(from: Settings, language: Settings['language']): Partial<Settings> {
  const change: Partial<Settings> = { language };
  const before = USUAL_FOR[from.language];
  const after = USUAL_FOR[language];
  if (from.digits === before.digits) change.digits = after.digits;
  if (from.calendar === before.calendar) change.calendar = after.calendar;
  return change;
}

let current = $state<Settings>({ ...DEFAULT_SETTINGS });
let appliedTheme: Settings['theme'] | null = null;

export const settings = {
  get value(): Settings {
    return current;
  },
};

function apply(stored: Partial<Settings>): void {
  const next = withDefaults(stored);
  current = next;
  setLanguage(next.language);
  if (next.theme !== appliedTheme) {
    appliedTheme = next.theme;
    applyTheme(next.theme);
  }
}

/**
 * Loads and applies the stored settings before anything is rendered, so no
 * string flashes in the wrong language. Returns the error code on failure
 * (the defaults are applied then).
 */
export async function loadSettings(): Promise<string | null> {
  try {
    apply(await getSettings());
    return null;
  } catch (reason) {
    apply(DEFAULT_SETTINGS);
    return toBackendError(reason).code;
  }
}

/** Applies a change at once without saving it (a slider being dragged). */
export function previewSettings(change: Partial<Settings>): void {
  apply({ ...current, ...change });
}

// Only the newest save's answer is applied: an older one arriving late would
// undo a change made since.
const saves = new Latest();

/** Applies a change at once, then persists it. Returns the error code on failure. */
export async function changeSettings(change: Partial<Settings>): Promise<string | null> {
  const next = withDefaults({ ...current, ...change });
  apply(next);
  const ticket = saves.next();
  try {
    const stored = await setSettings(next);
    if (ticket.current) apply(stored);
    return null;
  } catch (reason) {
    return toBackendError(reason).code;
  }
}
