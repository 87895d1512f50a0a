// Keyboard shortcuts, matched on `KeyboardEvent.code` (the physical key), so
// they work the same with the Persian layout, where the key that types `j`
// in English types «ت».

export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'open'
  | 'bookmark'
  | 'toggle-read'
  | 'search'
  | 'refresh'
  | 'go-all'
  | 'go-unread'
  | 'go-bookmarks'
  | 'help';

/** The parts of a KeyboardEvent the shortcuts look at. */
export interface KeyInput {
  code: string;
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

const SINGLE: Record<string, ShortcutAction> = {
  KeyJ: 'next',
  KeyK: 'previous',
  KeyO: 'open',
  Enter: 'open',
  NumpadEnter: 'open',
  KeyB: 'bookmark',
  KeyM: 'toggle-read',
  Slash: 'search',
  KeyR: 'refresh',
};

/** After `g`. */
const AFTER_G: Record<string, ShortcutAction> = {
  KeyA: 'go-all',
  KeyU: 'go-unread',
  KeyB: 'go-bookmarks',
};

/** How long `g` waits for its second key. */
export const PREFIX_TIMEOUT_MS = 1500;

/**
 * Reads key presses into actions. `g` starts a two-key shortcut: `read`
 * returns 'pending' for it, and the action on the second key.
 */
export class ShortcutReader {
  private prefixAt: number | null = null;

  read(event: KeyInput, nowMs: number): ShortcutAction | 'pending' | null {
    const prefixed = this.prefixAt !== null && nowMs - this.prefixAt <= PREFIX_TIMEOUT_MS;
    this.prefixAt = null;
    if (event.ctrlKey || event.altKey || event.metaKey) return null;
    // `?` is Shift+Slash on both layouts («؟» on the Persian one); the key
    // value is a fallback for layouts that put it elsewhere.
    if ((event.code === 'Slash' && event.shiftKey) || event.key === '?' || event.key === '؟') return 'help';
    if (event.shiftKey) return null;
    if (prefixed) {
      const action = AFTER_G[event.code];
      if (action) return action;
    }
    if (event.code === 'KeyG') {
      this.prefixAt = nowMs;
      return 'pending';
    }
    return SINGLE[event.code] ?? null;
  }

  reset(): void {
    this.prefixAt = null;
  }
}

/** The parts of an event target that say whether the user is typing into it. */
export interface TargetInfo {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
}

const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Whether keys pressed in `target` are text the user types (no shortcuts then). */
export function isTypingTarget(target: TargetInfo | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NOT_TYPED.has((target.type ?? 'text').toLowerCase());
}

/** One line of the shortcuts sheet: the keys (a sequence) and what they do. */
export interface ShortcutHelp {
  action: ShortcutAction;
  /** Each entry is one key press, by code. */
  keys: string[][];
}

export const SHORTCUT_HELP: readonly ShortcutHelp[] = [
  { action: 'next', keys: [['KeyJ']] },
  { action: 'previous', keys: [['KeyK']] },
  { action: 'open', keys: [['Enter'], ['KeyO']] },
  { action: 'bookmark', keys: [['KeyB']] },
  { action: 'toggle-read', keys: [['KeyM']] },
  { action: 'search', keys: [['Slash']] },
  { action: 'refresh', keys: [['KeyR']] },
  { action: 'go-all', keys: [['KeyG', 'KeyA']] },
  { action: 'go-unread', keys: [['KeyG', 'KeyU']] },
  { action: 'go-bookmarks', keys: [['KeyG', 'KeyB']] },
  { action: 'help', keys: [['Question']] },
];

/** Key caps: what the key shows on an English and on a Persian (ISIRI 9147) keyboard. */
export const KEY_CAPS: Record<string, { en: string; fa: string }> = {
  KeyJ: { en: 'j', fa: 'ت' },
  KeyK: { en: 'k', fa: 'ن' },
  KeyO: { en: 'o', fa: 'خ' },
  KeyB: { en: 'b', fa: 'ذ' },
  KeyM: { en: 'm', fa: 'پ' },
  KeyR: { en: 'r', fa: 'ق' },
  KeyG: { en: 'g', fa: 'ل' },
  KeyA: { en: 'a', fa: 'ش' },
  KeyU: { en: 'u', fa: 'ع' },
  Slash: { en: '/', fa: '/' },
  Enter: { en: 'Enter', fa: 'Enter' },
  Question: { en: '?', fa: '؟' },
};
