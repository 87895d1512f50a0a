// The settings as the interface uses them: applied at once to the document,
// persisted through the backend.
import { getSettings, setSettings, toBackendError, type Settings } from '../backend';
import { setLanguage } from '../l10n/locale.svelte';
import { applyTheme } from './theme';

/** What the Rust side returns on first start; used when it cannot answer. */
export const DEFAULT_SETTINGS: Settings = { language: 'fa', theme: 'system', repairHalfSpaces: true };

/**
 * Fills in what an older backend does not send yet: its settings have no
 * `repairHalfSpaces`, and repair is on by default.
 */
export function withDefaults(stored: Partial<Settings>): Settings {
  return {
    language: stored.language ?? DEFAULT_SETTINGS.language,
    theme: stored.theme ?? DEFAULT_SETTINGS.theme,
    repairHalfSpaces: typeof stored.repairHalfSpaces === 'boolean' ? stored.repairHalfSpaces : DEFAULT_SETTINGS.repairHalfSpaces,
  };
}

let current = $state<Settings>({ ...DEFAULT_SETTINGS });

export const settings = {
  get value(): Settings {
    return current;
  },
};

function apply(stored: Partial<Settings>): void {
  const next = withDefaults(stored);
  current = next;
  setLanguage(next.language);
  applyTheme(next.theme);
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

/** Applies a change at once, then persists it. Returns the error code on failure. */
export async function changeSettings(change: Partial<Settings>): Promise<string | null> {
  const next = { ...current, ...change };
  apply(next);
  try {
    apply(await setSettings(next));
    return null;
  } catch (reason) {
    return toBackendError(reason).code;
  }
}
