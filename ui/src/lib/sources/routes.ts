// A feed's route and images as its menu offers them, and how the sources
// pane marks a feed that did not come: kept out by the filter, stopped at the
// proxy, or broken in another way.
import type { ImagePolicy, Source } from '../backend';
import { isFeed } from '../feeds/folders';
import type { IconName } from '../icons/icons';

// A feed's route choice is the one a folder's takes in the network settings.
export { ROUTE_CHOICES, routeChoice, routeOf, type RouteChoice } from '../settings/network';

/** Which of a feed's images a sync downloads, in the order its menu offers them: most first. */
export const IMAGE_CHOICES: readonly ImagePolicy[] = ['all', 'first', 'none'];

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
