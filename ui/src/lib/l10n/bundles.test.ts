import { FluentParser } from '@fluent/syntax';
import { describe, expect, test } from 'vitest';
import { buildBundles, ftlFiles, LANGUAGES } from './bundles';

const files = ftlFiles();

/** A value for every variable the messages use; an unknown one is an error. */
const SAMPLE_ARGS = {
  author: 'X',
  count: 12,
  minutes: 5,
  done: 3,
  total: 10,
  shown: 8,
  ranked: 300,
  added: 2,
  duplicates: 1,
  failed: 0,
  articles: 5,
  bookmarks: 1,
  path: '/home/x/barg-library.json',
  updated: 4,
  unchanged: 5,
  existing: 3,
  feeds: 7,
  hours: 3,
  time: '2 hours ago',
  title: 'BBC فارسی',
  tag: 'کتاب‌خانه',
  max: 20,
  account: 'rss.example.com',
  date: '۱۴۰۵/۰۹/۱۳',
  example: '۱۴۰۵/۰۹/۱۳',
  word: 'می‌کند',
};

function messageIds(language: string, name: string): string[] {
  const file = files.find((f) => f.language === language && f.name === name);
  if (!file) throw new Error(`locales/${language}/${name} is missing`);
  const resource = new FluentParser().parse(file.source);
  return resource.body
    .filter((entry) => entry.type === 'Message')
    .map((entry) => (entry as { id: { name: string } }).id.name)
    .sort();
}

describe('.ftl files', () => {
  test('every language has app.ftl and ui.ftl', () => {
    for (const language of LANGUAGES) {
      for (const name of ['app.ftl', 'ui.ftl']) {
        expect(
          files.some((f) => f.language === language && f.name === name),
          `locales/${language}/${name} must exist and be loaded by the glob`,
        ).toBe(true);
      }
    }
  });

  test('parse without junk', () => {
    const parser = new FluentParser();
    for (const file of files) {
      const junk = parser.parse(file.source).body.filter((entry) => entry.type === 'Junk');
      expect(junk.map((j) => (j as { content: string }).content), `locales/${file.language}/${file.name} has syntax errors`).toEqual([]);
    }
  });

  test('load into bundles without errors', () => {
    const errors: Error[] = [];
    buildBundles(errors);
    expect(errors.map(String), 'duplicate or rejected messages').toEqual([]);
  });

  for (const name of ['app.ftl', 'ui.ftl']) {
    test(`fa and en ${name} have the same message ids`, () => {
      expect(messageIds('fa', name), `locales/fa/${name} and locales/en/${name} differ`).toEqual(messageIds('en', name));
    });
  }

  test('every message formats without errors', () => {
    const bundles = buildBundles();
    for (const language of LANGUAGES) {
      const bundle = bundles[language];
      for (const file of files.filter((f) => f.language === language)) {
        for (const id of messageIds(language, file.name)) {
          const errors: Error[] = [];
          const message = bundle.getMessage(id);
          expect(message?.value, `${language}: ${id} has no value`).toBeTruthy();
          bundle.formatPattern(message!.value!, SAMPLE_ARGS, errors);
          expect(errors.map(String), `${language}: ${id}`).toEqual([]);
        }
      }
    }
  });

  test('Persian strings use Persian yeh and kaf, not the Arabic-keyboard ones', () => {
    for (const file of files.filter((f) => f.language === 'fa')) {
      expect(file.source, `locales/fa/${file.name}`).not.toMatch(/[\u064A\u0643\u0649]/);
    }
  });
});
