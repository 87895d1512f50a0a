// The domain folders under `lib/` form layers: a folder may use those below
// it, never one that (directly or through others) uses it back. A cycle
// between folders means neither can be understood, tested or moved alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';

const LIB = dirname(new URL(import.meta.url).pathname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

/** The top-level folder under `lib/` a path lies in, or null for a file directly in `lib/` or outside it. */
function folderOf(path: string): string | null {
  const parts = relative(LIB, path).split(sep);
  if (parts.length < 2 || parts[0] === '..') return null;
  return parts[0];
}

/** The relative import specifiers of one file (static, dynamic and side-effect imports). */
function importsOf(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const match of text.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** Which folders each folder imports from. */
export function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(LIB)) {
    if (/\.test\.ts$/.test(file)) continue;
    const from = folderOf(file);
    if (from === null) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const to = folderOf(resolve(dirname(file), specifier));
      if (to !== null && to !== from) graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** One cycle per group of folders that reach each other, as `a → b → a`. */
export function cycles(graph: Map<string, Set<string>>): string[] {
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  // Names one path around each group: from its first folder back to it.
  return groups.map((group) => {
    const start = group[0];
    const members = new Set(group);
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const to of [...(graph.get(node) ?? [])].sort()) {
        if (!members.has(to)) continue;
        if (to === start) {
          const path = [start];
          for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) path.splice(1, 0, at);
          return [...path, start].join(' → ');
        }
        if (!previous.has(to)) {
          previous.set(to, node);
          queue.push(to);
        }
      }
    }
    return group.join(' ↔ ');
  });
}

describe('the folders under lib/', () => {
  test('the cycle finder names a cycle, short or long, and passes layers', () => {
    const graph = (edges: [string, string][]) => {
      const result = new Map<string, Set<string>>();
      for (const [from, to] of edges) {
        if (!result.has(from)) result.set(from, new Set());
        if (!result.has(to)) result.set(to, new Set());
        result.get(from)!.add(to);
      }
      return result;
    };
    expect(cycles(graph([['a', 'b'], ['b', 'a']])), 'two folders importing each other').toEqual(['a → b → a']);
    expect(cycles(graph([['a', 'b'], ['b', 'c'], ['c', 'a']])), 'a longer cycle').toEqual(['a → b → c → a']);
    expect(cycles(graph([['a', 'b'], ['b', 'c'], ['a', 'c']])), 'layers are no cycle').toEqual([]);
  });

  test('no two folders import each other, directly or through others', () => {
    const graph = folderGraph();
    expect(graph.size, 'the folders were found and read').toBeGreaterThan(5);
    expect(cycles(graph), 'each cycle between folders, to be broken by moving what both need below both').toEqual([]);
  });
});
