import { describe, expect, test } from 'vitest';
import { addTags, cleanNote, cleanTag, MAX_TAG_LENGTH, MAX_TAGS, parseTags, removeTag, splitTags, tagKey, tagSuggestions } from './tags';

const ZWNJ = '\u200c';

describe('cleanTag', () => {
  test.each([
    ['  rust  ', 'rust', 'spaces at the edges go'],
    ['\tmachine   learning\n', 'machine learning', 'a run of spaces inside becomes one'],
    [`کتاب${ZWNJ}خانه`, `کتاب${ZWNJ}خانه`, 'the half-space inside a Persian word stays'],
    [`${ZWNJ}می${ZWNJ}خواهم${ZWNJ} `, `می${ZWNJ}خواهم`, 'a half-space at an edge means nothing and goes'],
    ['\u200fفارسی\u200e', 'فارسی', 'direction marks at the edges go'],
    ['\u00a0نیم\u00a0', 'نیم', 'no-break spaces at the edges go'],
    ['   ', '', 'only spaces is no tag'],
    ['Rust', 'Rust', 'case is kept as typed'],
  ])('%j → %j (%s)', (raw, expected, reason) => {
    expect(cleanTag(raw), reason).toBe(expected);
  });

  test('a tag is cut at the limit, counted in characters', () => {
    expect(cleanTag('a'.repeat(MAX_TAG_LENGTH + 5)), 'Latin').toBe('a'.repeat(MAX_TAG_LENGTH));
    const persian = 'ب'.repeat(MAX_TAG_LENGTH + 1);
    expect([...cleanTag(persian)].length, 'Persian').toBe(MAX_TAG_LENGTH);
    const emoji = '📚'.repeat(MAX_TAG_LENGTH + 1);
    expect(cleanTag(emoji), 'a surrogate pair is one character and never split').toBe('📚'.repeat(MAX_TAG_LENGTH));
    expect(cleanTag(`${'a'.repeat(MAX_TAG_LENGTH - 1)} b`), 'no space left dangling at the cut').toBe('a'.repeat(MAX_TAG_LENGTH - 1));
  });
});

describe('tagKey', () => {
  test('spellings of one tag share a key', () => {
    expect(tagKey('Rust'), 'case').toBe(tagKey('rust'));
    expect(tagKey('علمي'), 'Arabic yeh is the Persian one').toBe(tagKey('علمی'));
    expect(tagKey('كتاب'), 'Arabic kaf is the Persian one').toBe(tagKey('کتاب'));
    expect(tagKey('caf\u0065\u0301'), 'Unicode forms').toBe(tagKey('caf\u00e9'));
  });

  test('a half-space is part of the word', () => {
    expect(tagKey(`کتاب${ZWNJ}خانه`)).not.toBe(tagKey('کتاب خانه'));
  });
});

describe('splitTags', () => {
  test.each([
    ['رمان', [], 'رمان', 'no separator: still typing'],
    ['رمان،', ['رمان'], '', 'the Persian comma ends a tag'],
    ['novel,', ['novel'], '', 'the Latin comma ends a tag'],
    ['تاریخ، ایران,سفر', ['تاریخ', ' ایران'], 'سفر', 'both commas in pasted text; the last part is still being typed'],
    [`نیم${ZWNJ}فاصله،`, [`نیم${ZWNJ}فاصله`], '', 'a half-space is not a separator'],
  ])('%j', (text, finished, rest, reason) => {
    expect(splitTags(text), reason).toEqual({ finished, rest });
  });

  test('parseTags takes the last part too', () => {
    expect(parseTags('a،b,c')).toEqual(['a', 'b', 'c']);
  });
});

describe('addTags', () => {
  test('tags are cleaned, empty ones dropped, and come after the ones there', () => {
    expect(addTags(['ادبیات'], parseTags(' شعر ،، , نو '))).toEqual({ tags: ['ادبیات', 'شعر', 'نو'], full: false });
  });

  test('a tag already there, in any spelling, is not added twice', () => {
    expect(addTags(['Rust', 'علمی'], ['rust', 'علمي', ' Rust ']), 'against the bookmark').toEqual({
      tags: ['Rust', 'علمی'],
      full: false,
    });
    expect(addTags([], parseTags('شعر،شعر, شعر')), 'within what was typed').toEqual({ tags: ['شعر'], full: false });
    expect(addTags([], [`کتاب${ZWNJ}خانه`, 'کتاب خانه']), 'with and without the half-space are two tags').toEqual({
      tags: [`کتاب${ZWNJ}خانه`, 'کتاب خانه'],
      full: false,
    });
  });

  test(`no more than ${MAX_TAGS} tags`, () => {
    const many = Array.from({ length: MAX_TAGS }, (_, index) => `t${index}`);
    expect(addTags(many.slice(0, -1), ['last']), 'the last one that fits').toEqual({ tags: [...many.slice(0, -1), 'last'], full: false });
    expect(addTags(many, ['one more']), 'one too many').toEqual({ tags: many, full: true });
    expect(addTags(many, ['t3']), 'a duplicate does not count as too many').toEqual({ tags: many, full: false });
    expect(addTags([], [...many, 'x', 'y']).tags, 'pasted all at once').toHaveLength(MAX_TAGS);
  });

  test('a long tag is cut, and the cut one is compared', () => {
    const long = 'ک'.repeat(MAX_TAG_LENGTH);
    expect(addTags([long], [`${long}ک`])).toEqual({ tags: [long], full: false });
  });
});

describe('removeTag and suggestions', () => {
  test('removing takes every spelling of the tag', () => {
    expect(removeTag(['Rust', 'شعر'], 'rust')).toEqual(['شعر']);
    expect(removeTag([`کتاب${ZWNJ}خانه`], 'کتاب خانه'), 'another word stays').toEqual([`کتاب${ZWNJ}خانه`]);
  });

  test('suggestions leave out the tags the bookmark has', () => {
    expect(tagSuggestions(['شعر', 'Rust', 'سفر'], ['rust', 'شعر'])).toEqual(['سفر']);
  });
});

describe('cleanNote', () => {
  test('an empty note is no note; any other is kept as typed', () => {
    expect(cleanNote('')).toBeNull();
    expect(cleanNote(' \n\t')).toBeNull();
    expect(cleanNote(`  می${ZWNJ}خوانم\n`)).toBe(`  می${ZWNJ}خوانم\n`);
  });
});
