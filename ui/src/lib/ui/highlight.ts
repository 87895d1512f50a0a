// Turns the backend's `TextPart[]` into the runs a component renders: plain
// text, or a <mark> around what matched. The parts are text, never markup, so
// they are rendered as text nodes (no {@html}).
import type { TextPart } from '../backend';

/**
 * Drops empty parts and joins neighbours of the same kind, so a match split
 * across parts becomes one <mark> and no empty <mark> is rendered.
 */
export function highlightRuns(parts: readonly TextPart[]): TextPart[] {
  const runs: TextPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = runs.at(-1);
    if (last && last.hit === part.hit) last.text += part.text;
    else runs.push({ text: part.text, hit: part.hit });
  }
  return runs;
}

/** The original text the parts were cut from. */
export function partsText(parts: readonly TextPart[]): string {
  return parts.map((part) => part.text).join('');
}
