// The Fluent bundles of every interface language, built from the .ftl files in
// locales/<lang>/ (the only copy of every string, shared with the Rust side).
// Vite inlines the files at build time, so nothing is fetched at run time.
import { FluentBundle, FluentResource } from '@fluent/bundle';

import { LANGUAGES, type Language } from '../generated/ipc';

// The interface languages are the Rust settings' (generated).
export { LANGUAGES, type Language };

/** Raw .ftl sources keyed by their path, e.g. `../../../../locales/fa/ui.ftl`. */
export const FTL_SOURCES = import.meta.glob('../../../../locales/*/*.ftl', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** One .ftl file: which language, which file, and its text. */
export interface FtlFile {
  language: string;
  name: string;
  source: string;
}

export function ftlFiles(): FtlFile[] {
  return Object.entries(FTL_SOURCES).map(([path, source]) => {
    const match = /locales\/([^/]+)\/([^/]+\.ftl)$/.exec(path);
    if (!match) throw new Error(`unexpected .ftl path ${path}`);
    return { language: match[1], name: match[2], source };
  });
}

/** Builds one bundle per language; `errors` collects what Fluent refused. */
export function buildBundles(errors: Error[] = []): Record<Language, FluentBundle> {
  const bundles = {} as Record<Language, FluentBundle>;
  for (const language of LANGUAGES) {
    // useIsolating stays on (the default): placeables such as an English
    // author name inside a Persian sentence are wrapped in FSI…PDI.
    bundles[language] = new FluentBundle(language);
  }
  for (const file of ftlFiles()) {
    const bundle = bundles[file.language as Language];
    if (!bundle) continue;
    errors.push(...bundle.addResource(new FluentResource(file.source)));
  }
  return bundles;
}
