// A feed's route as its menu offers it, and how the sources pane marks a
// feed that did not come: kept out by the filter, stopped at the proxy, or
// broken in another way.
import type { Route, Source } from '../backend';
import { isFeed } from '../feeds/folders';
import type { IconName } from '../icons/icons';

/** A feed's own route, or `default`: the network settings' preset decides. */
export type RouteChoice = Route | 'default';

export const ROUTE_CHOICES: readonly RouteChoice[] = ['default', 'direct', 'proxy', 'auto'];

export function routeChoice(route: Route | null): RouteChoice {
  return route ?? 'default';
}

/** What the backend takes for a choice: null is the settings' default. */
export function routeOf(choice: RouteChoice): Route | null {
  return choice === 'default' ? null : choice;
}

/** Why a feed's last fetch failed, as the pane tells them apart. */
export type SourceMark = 'filtered' | 'proxy-problem' | 'failed';

/** A feed's mark, or null when its last fetch worked (and for sources that are not feeds). */
export function sourceMark(source: Pick<Source, 'kind' | 'lastErrorCode'>): SourceMark | null {
  if (!isFeed(source) || source.lastErrorCode === null) return null;
  switch (source.lastErrorCode) {
    case 'filtered':
      return 'filtered';
    case 'proxy-unreachable':
    case 'proxy-auth':
      return 'proxy-problem';
    default:
      return 'failed';
  }
}

export const MARK_TESTIDS: Record<SourceMark, string> = {
  filtered: 'source-filtered',
  'proxy-problem': 'source-proxy-problem',
  failed: 'source-error',
};

/** The filter's mark is a no-entry sign, the proxy's a plug: neither is the feed's own fault. */
export const MARK_ICONS: Record<SourceMark, IconName> = {
  filtered: 'blocked',
  'proxy-problem': 'plug',
  failed: 'warning',
};
