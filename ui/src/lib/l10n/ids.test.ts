// Every call of `t` with a literal id in the source must name a message that exists in every
// language (the Rust side runs the same check over ui/src).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { buildBundles, LANGUAGES } from './bundles';

const SRC = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

test('every id used with t() exists in every language', () => {
  const bundles = buildBundles();
  const used = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*(['"])([^'"]+)\1/g)) used.add(match[2]);
  }
  expect(used.size, 'the scan found the t() calls').toBeGreaterThan(10);
  for (const language of LANGUAGES) {
    const missing = [...used].filter((id) => !bundles[language].hasMessage(id));
    expect(missing, `ids missing from locales/${language}`).toEqual([]);
  }
});
