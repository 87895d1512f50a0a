// The article list the keyboard moves through: the library list, or the
// search results while they are shown. Each registers itself when it mounts;
// the newest registered one is active.
import type { ArticleSummary } from '../backend';

export interface ListControl {
  /** Moves the selection by `delta` rows; resolves to the article now selected (null when none). */
  move(delta: number): Promise<ArticleSummary | null>;
  /** The selected article, when it is loaded. */
  selected(): ArticleSummary | null;
  /** Puts keyboard focus on the list. */
  focus(): void;
}

const stack: ListControl[] = [];

/** Makes `control` the active list until the returned function is called. */
export function registerList(control: ListControl): () => void {
  stack.push(control);
  return () => {
    const index = stack.lastIndexOf(control);
    if (index >= 0) stack.splice(index, 1);
  };
}

export function activeList(): ListControl | null {
  return stack.at(-1) ?? null;
}
