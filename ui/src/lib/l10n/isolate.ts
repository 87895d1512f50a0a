// Latin runs inside interface text: addresses, URL schemes, program names.
// In a Persian sentence the bidi algorithm joins neighbouring Latin runs and
// the punctuation between them into one left-to-right stretch, so a list such
// as «با http://، https://، socks5:// یا …» reads back to front and
// «socks5://» loses its slashes to the wrong side. Shown each in its own
// `<bdi dir="ltr">`, every run keeps its place in the sentence.
import type { Direction } from '../generated/ipc';

/** A stretch of interface text; `latin` when it is shown isolated, left to right. */
export interface TextRun {
  text: string;
  latin: boolean;
}

// From a Latin letter or digit to the last one (or a slash, the end of a
// scheme), with any printable ASCII and spaces between: "socks5h://127.0.0.1:1080",
// "HTTP_PROXY", "Clash for Windows" (one run, so its words keep their order).
// A sentence's own full stop or closing bracket after it stays outside.
const LATIN_RUN = /[A-Za-z0-9](?:[ -~]*[A-Za-z0-9/])?/g;

/**
 * `text` cut into its Latin runs and the rest. Only right-to-left text is
 * cut: in left-to-right text the Latin runs already go the paragraph's way.
 */
export function latinRuns(text: string, dir: Direction): TextRun[] {
  if (dir === 'ltr') return text === '' ? [] : [{ text, latin: false }];
  const runs: TextRun[] = [];
  let at = 0;
  for (const match of text.matchAll(LATIN_RUN)) {
    const start = match.index;
    if (start > at) runs.push({ text: text.slice(at, start), latin: false });
    runs.push({ text: match[0], latin: true });
    at = start + match[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), latin: false });
  return runs;
}

/**
 * `text` with each Latin run between LRI and PDI: for plain text where no
 * `<bdi>` can go (an `<option>`, a `title`).
 */
export function isolatedText(text: string, dir: Direction): string {
  return latinRuns(text, dir)
    .map((run) => (run.latin ? `\u2066${run.text}\u2069` : run.text))
    .join('');
}
