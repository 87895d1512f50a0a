// Names cut to their box at their logical end. CSS `text-overflow: ellipsis`
// cuts where the line is drawn: a left-to-right name with a Persian part
// ("Blogs on امیررضا قادری") loses the Persian part's start (it is drawn from
// the right), and in a right-to-left box the English start goes. Cut in the
// text itself, the name keeps its first words whole in either interface:
// "Blogs on امیررضا قاد…".

/** The last strong letter of a text is Hebrew or Arabic-script. */
const RTL_LAST = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff][^A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]*$/u;

/** The characters of `text` that `fits` accepts, at most, followed by "…"; the whole text when it fits. */
export function cutToFit(text: string, fits: (candidate: string) => boolean): string {
  if (fits(text)) return text;
  const chars = Array.from(text);
  const cut = (n: number) => {
    const start = chars.slice(0, n).join('').replace(/[\s\u200c،,:;\-–—]+$/u, '');
    // The ellipsis goes the way the text it ends goes: after a Persian word
    // it belongs at that word's left (a right-to-left mark after it), not
    // after the whole right-to-left run in a left-to-right name.
    return start + '…' + (RTL_LAST.test(start) ? '\u200f' : '\u200e');
  };
  // The longest start that fits (a binary search: each try lays the line out once).
  let low = 0;
  let high = chars.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(cut(middle))) low = middle;
    else high = middle - 1;
  }
  return cut(low);
}

/**
 * A Svelte action: shows `text` in `node` (a block with `white-space: nowrap`
 * and `overflow: hidden`), cut at its logical end to the node's width, again
 * whenever the width changes. The whole name stays in the `title` tooltip.
 */
export function fitText(node: HTMLElement, text: string) {
  let full = text;
  const show = () => {
    node.title = full;
    node.textContent = full;
  };
  // Runs when the width is known and whenever it changes. A name that fits
  // costs one read of the layout; only a cut one writes and measures again
  // (rows mount by the dozen while a list scrolls).
  const fit = () => {
    if (node.textContent !== full) node.textContent = full;
    if (node.scrollWidth <= node.clientWidth + 1) return;
    node.textContent = cutToFit(full, (candidate) => {
      node.textContent = candidate;
      return node.scrollWidth <= node.clientWidth + 1;
    });
  };
  // The whole name at first; the observer's first call, after layout, cuts it.
  show();
  const observer = new ResizeObserver(fit);
  observer.observe(node);
  return {
    update(next: string) {
      if (next === full) return;
      full = next;
      show();
      fit();
    },
    destroy() {
      observer.disconnect();
    },
  };
}
