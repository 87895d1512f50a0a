// The network settings as the Settings view edits them: where the proxy
// comes from (none, the system's, an address with a user), the preset that
// routes feeds without a route of their own, the routes of whole folders,
// text only, and what a test of an address found. The backend checks an
// address fully; this only catches, before asking it, what can be said more
// precisely than "not accepted".
import type { ErrorCode, NetworkCheck, NetworkSettings, ProxyKind, Route, RoutePolicy, Source, Way } from '../backend';

export const PROXY_KINDS: readonly ProxyKind[] = ['none', 'system', 'manual'];

/** The presets in the order offered: the one made for Iran first. */
export const ROUTE_POLICIES: readonly RoutePolicy[] = ['iran', 'all-proxy', 'direct', 'auto'];

/** A manual proxy's address, as most proxy programs listen (socks5h: the proxy resolves names too). */
export const PROXY_PLACEHOLDER = 'socks5h://127.0.0.1:1080';

/** What the test fetches unless the user types another address: a Persian feed filtered in Iran. */
export const TEST_URL = 'https://feeds.bbci.co.uk/persian/rss.xml';

/** What the backend answers when it has not been asked yet: the core's defaults. */
export const NETWORK_DEFAULTS: NetworkSettings = {
  proxyKind: 'system',
  proxyUrl: '',
  proxyUser: '',
  policy: 'all-proxy',
  folderRoutes: {},
  textOnly: false,
};

const PROXY_SCHEME = /^(https?|socks5h?):\/\//i;

/** The settings as they are sent: trimmed, and an address and user only for a manual proxy. */
export function networkToSave(form: NetworkSettings): NetworkSettings {
  const manual = form.proxyKind === 'manual';
  return {
    proxyKind: form.proxyKind,
    proxyUrl: manual ? form.proxyUrl.trim() : '',
    proxyUser: manual ? form.proxyUser.trim() : '',
    policy: form.policy,
    folderRoutes: { ...form.folderRoutes },
    textOnly: form.textOnly,
  };
}

/** Whether saving `form` would change nothing in `saved`. */
export function sameNetwork(form: NetworkSettings, saved: NetworkSettings): boolean {
  const [a, b] = [networkToSave(form), networkToSave(saved)];
  return (
    a.proxyKind === b.proxyKind &&
    a.proxyUrl === b.proxyUrl &&
    a.proxyUser === b.proxyUser &&
    a.policy === b.policy &&
    a.textOnly === b.textOnly &&
    sameRoutes(a.folderRoutes, b.folderRoutes)
  );
}

function sameRoutes(a: NetworkSettings['folderRoutes'], b: NetworkSettings['folderRoutes']): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((folder) => a[folder] === b[folder]);
}

/**
 * A route as a feed's menu and a folder's select offer it: a route of its
 * own, or `default` (a feed: its folder's route, else the preset; a folder:
 * the preset).
 */
export type RouteChoice = Route | 'default';

export const ROUTE_CHOICES: readonly RouteChoice[] = ['default', 'direct', 'proxy', 'auto'];

export function routeChoice(route: Route | null | undefined): RouteChoice {
  return route ?? 'default';
}

/** What the backend takes for a choice: null is the default. */
export function routeOf(choice: RouteChoice): Route | null {
  return choice === 'default' ? null : choice;
}

/**
 * The folders whose route the settings offer: every folder a feed is filed
 * in, in alphabetical order for the interface language. The same names as
 * the sources pane's folders (feeds/folders.ts), worked out here because the
 * settings sit below the feeds and cannot import from them.
 */
export function routedFolders(sources: readonly Pick<Source, 'kind' | 'folder'>[], language: string): string[] {
  const folders = new Set<string>();
  for (const source of sources) {
    const folder = (source.folder ?? '').trim();
    if (source.kind === 'feed' && folder !== '') folders.add(folder);
  }
  return [...folders].sort(new Intl.Collator(language).compare);
}

/** A folder's route in `settings`: `default` when it has none. */
export function folderRouteChoice(settings: NetworkSettings, folder: string): RouteChoice {
  return routeChoice(settings.folderRoutes[folder]);
}

/**
 * `settings` with `folder`'s route chosen: `default` takes the folder's key
 * out (its feeds follow the preset). Other folders' routes, including those
 * of folders no feed is in any more, are kept as they were.
 */
export function withFolderRoute(settings: NetworkSettings, folder: string, choice: RouteChoice): NetworkSettings {
  const folderRoutes = { ...settings.folderRoutes };
  const route = routeOf(choice);
  if (route === null) delete folderRoutes[folder];
  else folderRoutes[folder] = route;
  return { ...settings, folderRoutes };
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
