import type { FluentVariable } from '@fluent/bundle';
import { describe, expect, test } from 'vitest';
import type { Source, SyncReport } from '../backend';
import { buildBundles, type Language } from '../l10n/bundles';
import { folderName, folderNames, groupByFolder } from './folders';
import { lastRefreshAt, refreshDue, type RefreshState } from './schedule';
import {
  accountsReport,
  mergeSyncReports,
  nothingToSync,
  offerStarterFeeds,
  syncCountsText,
  syncFailedText,
  syncProgressText,
  type Translate,
} from './sync-text';
import { typedUrl } from './urls';

function source(id: number, folder: string | null, kind: Source['kind'] = 'feed', title = `feed ${id}`): Source {
  return {
    id,
    titleDir: 'ltr',
    title,
    kind,
    articleCount: 0,
    unreadCount: 0,
    url: kind === 'feed' ? `https://example.com/${id}.xml` : null,
    siteUrl: null,
    folder,
    lastSuccessAt: null,
    lastErrorCode: null,
    fetchFullText: false,
    route: null,
    routeWorked: null,
    pending: false,
    images: 'all',
    accountId: null,
  };
}

const bundles = buildBundles();

/** The interface's `t` for `language`, without Fluent's bidi isolation marks (FSI, PDI). */
function translator(language: Language): Translate {
  return (id: string, args?: Record<string, FluentVariable>) => {
    const message = bundles[language].getMessage(id);
    if (!message?.value) throw new Error(`${language} has no ${id}`);
    return bundles[language].formatPattern(message.value, args).replace(/[\u2068\u2069]/g, '');
  };
}

describe('groupByFolder', () => {
  test('folders in alphabetical order, then the sources in no folder, each in the backend’s order', () => {
    const sources = [
      source(1, 'Tech'),
      source(2, null),
      source(3, 'News'),
      source(4, 'Tech'),
      source(5, null, 'sample', 'Sample'),
      source(6, 'News'),
    ];
    const groups = groupByFolder(sources, 'en').map((g) => [g.folder, g.sources.map((s) => s.id)]);
    expect(groups, 'News before Tech; loose sources last').toEqual([
      ['News', [3, 6]],
      ['Tech', [1, 4]],
      [null, [2, 5]],
    ]);
  });

  test('Persian folder names sort in Persian alphabetical order', () => {
    const sources = [source(1, 'ورزش'), source(2, 'اخبار'), source(3, 'پژوهش'), source(4, 'بازار')];
    expect(groupByFolder(sources, 'fa').map((g) => g.folder), 'ا ب پ و').toEqual(['اخبار', 'بازار', 'پژوهش', 'ورزش']);
  });

  test('a blank or padded folder name is the same folder as the trimmed one, or none', () => {
    const sources = [source(1, '  News '), source(2, 'News'), source(3, '   '), source(4, '')];
    expect(groupByFolder(sources, 'en').map((g) => [g.folder, g.sources.map((s) => s.id)])).toEqual([
      ['News', [1, 2]],
      [null, [3, 4]],
    ]);
  });

  test('no sources, no groups; no folders, one group', () => {
    expect(groupByFolder([], 'fa'), 'an empty library').toEqual([]);
    expect(groupByFolder([source(1, null)], 'fa').map((g) => g.folder), 'nothing filed').toEqual([null]);
  });

  test('the folder suggestions are the folders in use, once each', () => {
    expect(folderNames([source(1, 'b'), source(2, 'a'), source(3, 'b'), source(4, null)], 'en')).toEqual(['a', 'b']);
  });

  test('folderName', () => {
    const cases: [string | null | undefined, string | null, string][] = [
      ['  اخبار  ', 'اخبار', 'trimmed'],
      ['', null, 'empty is no folder'],
      ['  ', null, 'blank is no folder'],
      [null, null, 'none'],
      [undefined, null, 'an older backend without folders'],
    ];
    for (const [input, expected, reason] of cases) expect(folderName(input), reason).toBe(expected);
  });
});

describe('refreshDue', () => {
  const now = 1_700_000_000;
  const base: RefreshState = { minutes: 30, online: true, running: false, lastRun: now - 31 * 60, now };
  const cases: [Partial<RefreshState>, boolean, string][] = [
    [{}, true, '31 minutes since the last refresh, every 30'],
    [{ lastRun: now - 30 * 60 }, true, 'exactly on time'],
    [{ lastRun: now - 29 * 60 }, false, 'not yet'],
    [{ minutes: 0 }, false, 'off'],
    [{ minutes: 0, lastRun: null }, false, 'off, even if it never ran'],
    [{ online: false }, false, 'offline'],
    [{ running: true }, false, 'a sync is running'],
    [{ lastRun: null }, true, 'never refreshed'],
    [{ minutes: 180, lastRun: now - 2 * 3600 }, false, 'every 3 hours, 2 hours since'],
    [{ minutes: 15, lastRun: now - 16 * 60 }, true, 'every 15 minutes, 16 since'],
    [{ lastRun: now + 3600 }, true, 'the clock was turned back an hour: do not wait for it'],
    [{ lastRun: now + 60 }, false, 'a minute of clock skew is not a reason'],
  ];
  for (const [change, expected, reason] of cases) {
    test(reason, () => {
      expect(refreshDue({ ...base, ...change }), reason).toBe(expected);
    });
  }
});

describe('lastRefreshAt', () => {
  test('the newest of this session’s sync and any feed’s last successful fetch', () => {
    const feeds = [{ lastSuccessAt: 100 }, { lastSuccessAt: null }, { lastSuccessAt: 300 }];
    expect(lastRefreshAt(feeds, null), 'after a restart: the feeds remember').toBe(300);
    expect(lastRefreshAt(feeds, 500), 'a sync this session').toBe(500);
    expect(lastRefreshAt(feeds, 200), 'an older session sync does not hide a newer fetch').toBe(300);
    expect(lastRefreshAt([{ lastSuccessAt: null }], null), 'never fetched').toBeNull();
    expect(lastRefreshAt([], 42), 'a sync that failed everywhere still counts').toBe(42);
  });
});

describe('sync texts', () => {
  const progress = { feedsDone: 3, feedsTotal: 10, added: 24, updated: 2, failed: 1, currentFeed: 'x' };

  test('progress in Persian, with Persian digits (a comma, since «·» beside them reads as ۰)', () => {
    expect(syncProgressText(progress, 'persian', translator('fa'))).toBe('۳ از ۱۰ خوراک، ۲۴ مقالهٔ تازه');
  });

  test('progress in English, with Latin digits and plurals', () => {
    expect(syncProgressText(progress, 'latin', translator('en'))).toBe('3 of 10 feeds · 24 new articles');
    expect(syncProgressText({ ...progress, feedsDone: 1, feedsTotal: 1, added: 1 }, 'latin', translator('en'))).toBe(
      '1 of 1 feed · 1 new article',
    );
  });

  test('the digits are the user’s choice, whatever the language', () => {
    expect(syncProgressText(progress, 'latin', translator('fa')), 'Persian with Latin digits').toBe('3 از 10 خوراک، 24 مقالهٔ تازه');
    expect(syncProgressText(progress, 'persian', translator('en')), 'English with Persian digits').toBe('۳ of ۱۰ feeds · ۲۴ new articles');
  });

  test('large counts keep the Persian thousands separator', () => {
    expect(syncProgressText({ ...progress, added: 1234 }, 'persian', translator('fa'))).toBe('۳ از ۱۰ خوراک، ۱٬۲۳۴ مقالهٔ تازه');
  });

  const report: SyncReport = {
    added: 24,
    updated: 3,
    unchanged: 7,
    failed: [
      { sourceId: 1, title: 'a', code: 'network', message: '' },
      { sourceId: 2, title: 'b', code: 'not-a-feed', message: '' },
    ],
    offline: false,
  };

  test('the summary counts and failures, in both languages', () => {
    expect(syncCountsText(report, 'persian', translator('fa'))).toBe('۲۴ مقالهٔ تازه، ۳ مقالهٔ به‌روزشده');
    expect(syncCountsText(report, 'latin', translator('en'))).toBe('24 new articles · 3 updated');
    expect(syncFailedText(report, 'persian', translator('fa'))).toBe('۲ خوراک به‌روز نشد:');
    expect(syncFailedText(report, 'latin', translator('en'))).toBe('2 feeds could not be refreshed:');
    const clean = { ...report, failed: [] };
    expect(syncFailedText(clean, 'persian', translator('fa')), 'none failed').toBe('همهٔ خوراک‌ها بی‌مشکل دریافت شدند.');
    expect(syncFailedText(clean, 'latin', translator('en')), 'none failed').toBe('Every feed was fetched without a problem.');
  });

  test('syncs run one after another sum up, and the backend’s report is not shared', () => {
    const first = mergeSyncReports(null, report);
    expect(first, 'a copy').toEqual(report);
    first.failed.push({ sourceId: 3, title: 'c', code: 'timeout', message: '' });
    expect(report.failed.length, 'untouched').toBe(2);
    expect(mergeSyncReports(report, { added: 1, updated: 0, unchanged: 1, failed: [], offline: false })).toEqual({
      added: 25,
      updated: 3,
      unchanged: 8,
      failed: report.failed,
      offline: false,
    });
    const down = { added: 0, updated: 0, unchanged: 0, failed: report.failed, offline: true };
    expect(mergeSyncReports(down, down).offline, 'two parts in which nothing answered: offline').toBe(true);
    expect(mergeSyncReports(down, report).offline, 'one part answered: not offline').toBe(false);
  });

  test('a sync with no feeds at all says so', () => {
    const empty = { added: 0, updated: 0, unchanged: 0, failed: [], offline: false };
    expect(nothingToSync(empty, 0), 'no feeds').toBe(true);
    expect(nothingToSync(empty, 3), 'three feeds, nothing new').toBe(false);
    expect(nothingToSync({ ...empty, unchanged: 1 }, 0), 'a backend that sent no progress').toBe(false);
    expect(nothingToSync({ ...empty, failed: report.failed }, 0), 'failures').toBe(false);
  });

  test("the accounts' syncs add their articles to the summary, and are offline only when no server answered", () => {
    const ok = { added: 12, error: null };
    const down = { added: 0, error: { code: 'network' as const, message: '' } };
    const refused = { added: 0, error: { code: 'account-auth' as const, message: '' } };
    expect(accountsReport([ok, { added: 3, error: null }]), 'the new articles of every account').toEqual({
      added: 15,
      updated: 0,
      unchanged: 0,
      failed: [],
      offline: false,
    });
    expect(accountsReport([down, { ...down, error: { code: 'timeout', message: '' } }]).offline, 'no server answered').toBe(true);
    expect(accountsReport([down, refused]).offline, 'a server that refused the password did answer').toBe(false);
    expect(accountsReport([]).offline, 'no account, nothing to say').toBe(false);
    const feedsDown = { added: 0, updated: 0, unchanged: 0, failed: report.failed, offline: true };
    expect(mergeSyncReports(feedsDown, accountsReport([down])).offline, 'neither the feeds nor the account answered').toBe(true);
    expect(mergeSyncReports(feedsDown, accountsReport([ok])).added, "the account's articles count").toBe(12);
  });
});

describe('offerStarterFeeds', () => {
  const sample = [source(1, null, 'sample')];
  test('only on a first start with no feed in the library', () => {
    expect(offerStarterFeeds(false, true, sample), 'the sample library').toBe(true);
    expect(offerStarterFeeds(false, true, []), 'an empty library').toBe(true);
    expect(offerStarterFeeds(true, true, sample), 'offered before').toBe(false);
    expect(offerStarterFeeds(false, false, []), 'sources not loaded yet').toBe(false);
    expect(offerStarterFeeds(false, true, [...sample, source(2, null)]), 'already subscribed to a feed').toBe(false);
  });
});

describe('typedUrl', () => {
  const cases: [string, string, string][] = [
    ['https://example.com/feed.xml', 'https://example.com/feed.xml', 'a full address'],
    ['  http://example.com  ', 'http://example.com', 'trimmed'],
    ['example.com/blog', 'https://example.com/blog', 'no scheme: https'],
    ['www.bbc.com/persian', 'https://www.bbc.com/persian', 'a www address'],
    ['localhost:8080/feed', 'https://localhost:8080/feed', 'a host and port is not a scheme'],
    ['//example.com/rss', 'https://example.com/rss', 'scheme-relative'],
    ['   ', '', 'blank'],
  ];
  for (const [input, expected, reason] of cases) {
    test(reason, () => {
      expect(typedUrl(input), reason).toBe(expected);
    });
  }
});
