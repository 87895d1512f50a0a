import { describe, expect, test } from 'vitest';
import { EXPORT_CHOICES, exportPlan, OPML_DEFAULT_PATH, OPML_EXTENSIONS } from './exports';
import { fileName, mergeReports } from './imports.svelte';
import type { ImportFailure } from '../backend';

describe('fileName', () => {
  const cases: [string, string, string][] = [
    ['/home/sara/مقاله‌ها/یادداشت.txt', 'یادداشت.txt', 'Unix path with Persian names'],
    ['C:\\Users\\sara\\feed.xml', 'feed.xml', 'Windows path'],
    ['notes.md', 'notes.md', 'no folder'],
    ['/tmp/dir/', 'dir', 'trailing slash'],
  ];
  for (const [path, expected, reason] of cases) {
    test(reason, () => {
      expect(fileName(path), reason).toBe(expected);
    });
  }
});

describe('mergeReports', () => {
  const failure = (path: string): ImportFailure => ({ path, code: 'unsupported-format', message: '' });

  test('the first report is copied, not shared', () => {
    const first = { added: 2, duplicates: 1, failed: [failure('a.pdf')] };
    const merged = mergeReports(null, first);
    expect(merged, 'same counts').toEqual(first);
    merged.failed.push(failure('b.pdf'));
    expect(first.failed.length, 'the backend’s report is untouched').toBe(1);
  });

  test('an import of dropped files after another sums up both', () => {
    const merged = mergeReports(
      { added: 2, duplicates: 1, failed: [failure('a.pdf')] },
      { added: 3, duplicates: 0, failed: [failure('b.doc')] },
    );
    expect(merged, 'counts add up, failures are listed in order').toEqual({
      added: 5,
      duplicates: 1,
      failed: [failure('a.pdf'), failure('b.doc')],
    });
  });
});

describe('exportPlan', () => {
  test('only the whole-library JSON export includes every article', () => {
    const wholeLibrary = EXPORT_CHOICES.filter((choice) => !exportPlan(choice).bookmarksOnly);
    expect(wholeLibrary, 'the other three are bookmarks').toEqual(['json']);
  });

  test('the proposed file name has an extension the filter allows', () => {
    for (const choice of EXPORT_CHOICES) {
      const plan = exportPlan(choice);
      const extension = plan.defaultPath.split('.').at(-1)!;
      expect(plan.extensions, `${choice}: ${plan.defaultPath}`).toContain(extension);
      expect(plan.defaultPath.startsWith('barg-'), `${choice}: ${plan.defaultPath}`).toBe(true);
    }
    expect(exportPlan('json').defaultPath, 'as agreed with the backend').toBe('barg-library.json');
  });
});

describe('OPML', () => {
  test('the proposed file name has an extension the filter allows', () => {
    const extension = OPML_DEFAULT_PATH.split('.').at(-1)!;
    expect(OPML_EXTENSIONS, OPML_DEFAULT_PATH).toContain(extension);
    expect(OPML_EXTENSIONS, 'many readers save OPML as .xml').toContain('xml');
  });
});
