// Bookmark tags as the user types them: «،» (the Persian comma) or "," ends
// a tag, as Enter does. A tag is trimmed and kept as typed otherwise (its
// half-spaces included); two spellings that differ only in case or in the
// Arabic forms of ی and ک are one tag.

/** The longest a tag may be, in characters. */
export const MAX_TAG_LENGTH = 40;

/** The most tags one bookmark may have. */
export const MAX_TAGS = 20;

const SEPARATORS = /[,،]/;

// Whitespace, and the invisible joiners and direction marks that mean
// nothing at the edge of a word (inside one, a half-space stays).
const EDGE = /^[\s\u200b-\u200f\u2066-\u2069\ufeff]+|[\s\u200b-\u200f\u2066-\u2069\ufeff]+$/gu;

/** A tag as stored: trimmed, inner runs of spaces made one, at most `MAX_TAG_LENGTH` characters. */
export function cleanTag(raw: string): string {
  const tidy = raw.replace(EDGE, '').replace(/\s+/gu, ' ');
  // Characters, not UTF-16 units: a cut never splits a surrogate pair.
  const chars = [...tidy];
  return chars.length <= MAX_TAG_LENGTH ? tidy : chars.slice(0, MAX_TAG_LENGTH).join('').replace(EDGE, '');
}

/** What two tags are compared by: case, Unicode form and Arabic ي/ى/ك do not count. */
export function tagKey(tag: string): string {
  return cleanTag(tag)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u064a\u0649]/g, '\u06cc')
    .replace(/\u0643/g, '\u06a9');
}

/**
 * Cuts typed text at each «،» or ",": the parts before the last separator are
 * finished tags, the text after it is still being typed.
 */
export function splitTags(text: string): { finished: string[]; rest: string } {
  const parts = text.split(SEPARATORS);
  const rest = parts.pop() ?? '';
  return { finished: parts, rest };
}

/** Every tag in `text`, the part after the last separator too. */
export function parseTags(text: string): string[] {
  return text.split(SEPARATORS);
}

export interface TagsAdded {
  tags: string[];
  /** Some tags were left out because the bookmark has `MAX_TAGS` already. */
  full: boolean;
}

/**
 * `current` with the new tags after it: each cleaned, empty ones and those
 * already there dropped, no more than `MAX_TAGS` in all.
 */
export function addTags(current: readonly string[], incoming: readonly string[]): TagsAdded {
  const tags: string[] = [];
  const seen = new Set<string>();
  let full = false;
  for (const raw of [...current, ...incoming]) {
    const tag = cleanTag(raw);
    const key = tagKey(tag);
    if (tag === '' || seen.has(key)) continue;
    if (tags.length >= MAX_TAGS) {
      full = true;
      continue;
    }
    seen.add(key);
    tags.push(tag);
  }
  return { tags, full };
}

/** `tags` without `tag` (in any of its spellings). */
export function removeTag(tags: readonly string[], tag: string): string[] {
  const key = tagKey(tag);
  return tags.filter((other) => tagKey(other) !== key);
}

/** The known tags worth offering for a bookmark: those it does not have yet. */
export function tagSuggestions(known: readonly string[], current: readonly string[]): string[] {
  const have = new Set(current.map(tagKey));
  return known.filter((tag) => !have.has(tagKey(tag)));
}

/** A note as stored: null when there is nothing in it but white space. */
export function cleanNote(text: string): string | null {
  return text.trim() === '' ? null : text;
}
