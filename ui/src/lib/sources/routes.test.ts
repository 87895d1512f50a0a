import { describe, expect, test } from 'vitest';
import type { ErrorCode, Source } from '../backend';
import { ICONS } from '../icons/icons';
import { IMAGE_CHOICES, MARK_ICONS, MARK_TESTIDS, ROUTE_CHOICES, routeChoice, routeOf, sourceMark, type SourceMark } from './routes';

function feed(lastErrorCode: ErrorCode | null, kind: Source['kind'] = 'feed'): Pick<Source, 'kind' | 'lastErrorCode'> {
  return { kind, lastErrorCode };
}

describe("a feed's route", () => {
  test('no route of its own is the settings’ default', () => {
    expect(routeChoice(null), 'null from the backend').toBe('default');
    expect(routeOf('default'), 'the default is sent as null').toBeNull();
  });

  test('each route goes to the backend as it is chosen and comes back as the same choice', () => {
    for (const choice of ROUTE_CHOICES) {
      expect(routeChoice(routeOf(choice)), `${choice} round-trips`).toBe(choice);
    }
    expect(ROUTE_CHOICES, 'the default first, then the three routes').toEqual(['default', 'direct', 'proxy', 'auto']);
  });
});

describe("a feed's images", () => {
  test('every policy of the wire type is offered, the most images first', () => {
    expect(IMAGE_CHOICES, 'all, the first of each article, none').toEqual(['all', 'first', 'none']);
  });
});

describe('the marks of the sources pane', () => {
  test('a feed whose last fetch worked has no mark', () => {
    expect(sourceMark(feed(null)), 'no error').toBeNull();
  });

  test('the filter and the proxy are told apart from a broken feed', () => {
    expect(sourceMark(feed('filtered')), 'the filter kept it out').toBe('filtered');
    expect(sourceMark(feed('proxy-unreachable')), 'the proxy is down').toBe('proxy-problem');
    expect(sourceMark(feed('proxy-auth')), 'the proxy refused the password').toBe('proxy-problem');
    for (const code of ['network', 'timeout', 'http-status', 'not-a-feed', 'parse'] as const) {
      expect(sourceMark(feed(code)), `${code} is the feed's own failure`).toBe('failed');
    }
  });

  test('only feeds are marked', () => {
    expect(sourceMark(feed('filtered', 'web')), 'a saved page has no fetches to fail').toBeNull();
    expect(sourceMark(feed('network', 'file')), 'nor does an imported file').toBeNull();
  });

  test('each mark has its own test id and icon', () => {
    const marks: SourceMark[] = ['filtered', 'proxy-problem', 'failed'];
    expect(new Set(marks.map((m) => MARK_TESTIDS[m])).size, 'three test ids').toBe(3);
    expect(new Set(marks.map((m) => MARK_ICONS[m])).size, 'three icons').toBe(3);
    expect(MARK_TESTIDS.failed, 'a broken feed keeps the test id it had').toBe('source-error');
    for (const mark of marks) expect(ICONS[MARK_ICONS[mark]], `${mark}'s icon is drawn`).toBeTruthy();
  });
});
