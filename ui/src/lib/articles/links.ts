// Links inside an article body. The web view never navigates: a link the
// user clicks opens in the system browser (http, https and mailto only, as
// the backend allows), a link to a place in the article scrolls there, and
// anything else does nothing.

export type LinkAction = { kind: 'external'; url: string } | { kind: 'fragment'; id: string } | null;

const EXTERNAL = new Set(['http:', 'https:', 'mailto:']);

/**
 * What clicking a link with `href` does. Relative links resolve against the
 * article's own address (`base`), when it has one.
 */
export function linkAction(href: string | null, base: string | null): LinkAction {
  const raw = href?.trim() ?? '';
  if (raw === '') return null;
  if (raw.startsWith('#')) {
    const id = decodeFragment(raw.slice(1));
    return id === '' ? null : { kind: 'fragment', id };
  }
  let url: URL;
  try {
    url = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return null;
  }
  return EXTERNAL.has(url.protocol) ? { kind: 'external', url: url.href } : null;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * The target to show for a link (its tooltip and the status line), so a link
 * whose text says one thing and goes elsewhere shows where it goes. Addresses
 * are shown decoded, so a Persian address reads as Persian.
 */
export function linkTargetText(href: string | null, base: string | null): string | null {
  const action = linkAction(href, base);
  if (!action || action.kind !== 'external') return null;
  try {
    return decodeURI(action.url);
  } catch {
    return action.url;
  }
}
