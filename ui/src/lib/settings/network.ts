// The network settings as the Settings view edits them: where the proxy
// comes from (none, the system's, an address with a user), the preset that
// routes feeds without a route of their own, and what a test of an address
// found. The backend checks an address fully; this only catches, before
// asking it, what can be said more precisely than "not accepted".
import type { ErrorCode, NetworkCheck, NetworkSettings, ProxyKind, RoutePolicy, Way } from '../backend';

export const PROXY_KINDS: readonly ProxyKind[] = ['none', 'system', 'manual'];

/** The presets in the order offered: the one made for Iran first. */
export const ROUTE_POLICIES: readonly RoutePolicy[] = ['iran', 'all-proxy', 'direct', 'auto'];

/** A manual proxy's address, as most proxy programs listen (socks5h: the proxy resolves names too). */
export const PROXY_PLACEHOLDER = 'socks5h://127.0.0.1:1080';

/** What the test fetches unless the user types another address: a Persian feed filtered in Iran. */
export const TEST_URL = 'https://feeds.bbci.co.uk/persian/rss.xml';

/** What the backend answers when it has not been asked yet: the core's defaults. */
export const NETWORK_DEFAULTS: NetworkSettings = { proxyKind: 'system', proxyUrl: '', proxyUser: '', policy: 'all-proxy' };

const PROXY_SCHEME = /^(https?|socks5h?):\/\//i;

/** The settings as they are sent: trimmed, and an address and user only for a manual proxy. */
export function networkToSave(form: NetworkSettings): NetworkSettings {
  const manual = form.proxyKind === 'manual';
  return {
    proxyKind: form.proxyKind,
    proxyUrl: manual ? form.proxyUrl.trim() : '',
    proxyUser: manual ? form.proxyUser.trim() : '',
    policy: form.policy,
  };
}

/** Whether saving `form` would change nothing in `saved`. */
export function sameNetwork(form: NetworkSettings, saved: NetworkSettings): boolean {
  const [a, b] = [networkToSave(form), networkToSave(saved)];
  return a.proxyKind === b.proxyKind && a.proxyUrl === b.proxyUrl && a.proxyUser === b.proxyUser && a.policy === b.policy;
}

/**
 * What is plainly wrong with a manual proxy's address: none given, not one
 * of the four schemes, or a password in it (never stored, so refused).
 */
export type ProxyProblem = 'missing' | 'scheme' | 'password';

/** The address's problem, or null when nothing is seen here (the backend has the last word). */
export function proxyProblem(form: NetworkSettings): ProxyProblem | null {
  if (form.proxyKind !== 'manual') return null;
  const text = form.proxyUrl.trim();
  if (text === '') return 'missing';
  if (!PROXY_SCHEME.test(text)) return 'scheme';
  try {
    if (new URL(text).password !== '') return 'password';
  } catch {
    // No host or another fault: the backend says so.
  }
  return null;
}

/**
 * Whether the preset sends anything through the proxy: with no proxy the
 * proxy's way is the direct one, so every feed goes directly.
 */
export function policyUsesProxy(policy: RoutePolicy): boolean {
  return policy !== 'direct';
}

/** One line of a test's result: the way, and null when it reached the address, else why not. */
export interface WayLine {
  way: Way;
  /** `no-proxy`: the way was not tried, there is no proxy. */
  outcome: ErrorCode | 'no-proxy' | null;
}

/** A line for each way, direct first; the backend does not try the proxy's when there is none. */
export function wayLines(check: NetworkCheck): WayLine[] {
  const ways: readonly Way[] = ['direct', 'proxy'];
  return ways.map((way) => {
    const found = check.ways.find((w) => w.way === way);
    return { way, outcome: found ? (found.error?.code ?? null) : 'no-proxy' };
  });
}
