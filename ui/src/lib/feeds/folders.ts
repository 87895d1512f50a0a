// Sources as the sources pane shows them: feeds filed in folders, each folder
// a collapsible group, then everything filed in no folder.
import type { Source } from '../backend';

export interface SourceGroup {
  /** The folder's name; null for the sources in no folder. */
  folder: string | null;
  sources: Source[];
}

/** A folder name as typed or stored: trimmed, and blank meaning no folder. */
export function folderName(input: string | null | undefined): string | null {
  const trimmed = (input ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Folders in alphabetical order for the interface language, then the sources
 * in no folder. Within a group the backend's order is kept.
 */
export function groupByFolder(sources: readonly Source[], language: string): SourceGroup[] {
  const folders = new Map<string, Source[]>();
  const loose: Source[] = [];
  for (const source of sources) {
    const folder = folderName(source.folder);
    if (folder === null) {
      loose.push(source);
      continue;
    }
    const members = folders.get(folder);
    if (members) members.push(source);
    else folders.set(folder, [source]);
  }
  const collator = new Intl.Collator(language);
  const groups: SourceGroup[] = [...folders.keys()]
    .sort(collator.compare)
    .map((folder) => ({ folder, sources: folders.get(folder)! }));
  if (loose.length > 0) groups.push({ folder: null, sources: loose });
  return groups;
}

/** Every folder in use, in alphabetical order: suggestions for the folder fields. */
export function folderNames(sources: readonly Source[], language: string): string[] {
  return groupByFolder(sources, language).flatMap((group) => (group.folder === null ? [] : [group.folder]));
}

/** Whether a source is a feed (feeds refresh; other sources only rename and go). */
export function isFeed(source: Pick<Source, 'kind'>): boolean {
  return source.kind === 'feed';
}
