// The interface language as reactive state. `t` reads it, so every string a
// component renders through `t` updates at once when the language changes.
import type { FluentVariable } from '@fluent/bundle';
import { buildBundles, type Language } from './bundles';

export type { Language } from './bundles';
import type { Direction, ErrorCode } from '../generated/ipc';

export type { Direction };

const bundles = buildBundles();
let current = $state<Language>('fa');

export function directionOf(language: Language): Direction {
  return language === 'fa' ? 'rtl' : 'ltr';
}

/** The current interface language and its direction (reactive). */
export const locale = {
  get language(): Language {
    return current;
  },
  get dir(): Direction {
    return directionOf(current);
  },
};

/** The element that carries `lang` and `dir` for the whole document. */
export type LanguageRoot = Pick<HTMLElement, 'lang' | 'dir'>;

/**
 * Switches the interface language and sets `<html lang dir>` so the layout
 * mirrors. `root` is a parameter so tests can pass a plain object.
 */
export function setLanguage(language: Language, root?: LanguageRoot): void {
  current = language;
  const target = root ?? (typeof document === 'undefined' ? undefined : document.documentElement);
  if (target) {
    target.lang = language;
    target.dir = directionOf(language);
  }
}

/** The localized string `id`; the id itself if no language has it. */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  const bundle = bundles[current];
  const message = bundle.getMessage(id);
  if (!message?.value) return id;
  return bundle.formatPattern(message.value, args, []);
}

/**
 * Every error code, each with an `error-<code>` message in locales/<lang>/app.ftl
 * (the Rust locale tests check the messages). A record, so a code the backend
 * adds is a type error here until it is listed.
 */
const ERROR_MESSAGES: Record<ErrorCode, true> = {
  'not-found': true,
  database: true,
  'invalid-input': true,
  settings: true,
  io: true,
  'unsupported-format': true,
  'too-large': true,
  internal: true,
  network: true,
  timeout: true,
  'http-status': true,
  'not-a-feed': true,
  parse: true,
  'redirect-loop': true,
  cancelled: true,
  'already-subscribed': true,
  'foreign-library': true,
  'newer-library': true,
  'read-only': true,
  'disk-full': true,
  filtered: true,
  'proxy-unreachable': true,
  'proxy-auth': true,
  'account-auth': true,
  'account-answer': true,
  'account-unsupported': true,
  'no-credential-store': true,
};

export const ERROR_CODES: readonly ErrorCode[] = Object.keys(ERROR_MESSAGES) as ErrorCode[];
const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** The localized text for a backend error code; never the backend's own message. */
export function errorText(code: string): string {
  const known = KNOWN_CODES.has(code) ? code : 'internal';
  return t(`error-${known}`);
}
