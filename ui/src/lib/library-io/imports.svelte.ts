// One import at a time, from the file dialog or from files dropped on the
// window. Progress streams in from the backend; files dropped while an import
// runs are imported right after it, and the summary covers both.
import { notifyLibraryChanged } from '../articles/changes.svelte';
import { importFiles, toBackendError, type ImportProgress, type ImportReport } from '../backend';

/** The extensions the backend can import, for the file dialog's filter. */
export const IMPORT_EXTENSIONS = ['txt', 'html', 'htm', 'xml', 'rss', 'atom', 'json'];

interface ImportState {
  running: boolean;
  progress: ImportProgress | null;
  /** The finished imports since the summary was last closed. */
  report: ImportReport | null;
  /** Set when the import as a whole failed (not one file). */
  errorCode: string | null;
}

export const importState = $state<ImportState>({ running: false, progress: null, report: null, errorCode: null });

let queued: string[] = [];

/** Adds `next` to `report`: the summary of several imports in a row. */
export function mergeReports(report: ImportReport | null, next: ImportReport): ImportReport {
  if (!report) return { added: next.added, duplicates: next.duplicates, failed: [...next.failed] };
  return {
    added: report.added + next.added,
    duplicates: report.duplicates + next.duplicates,
    failed: [...report.failed, ...next.failed],
  };
}

/** The file's name without its folders, for the summary ("/a/b/c.txt" → "c.txt"). */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/).filter((part) => part !== '');
  return parts.at(-1) ?? path;
}

/** Imports `paths`, or queues them behind the import that is running. */
export async function startImport(paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  if (importState.running) {
    queued.push(...paths);
    return;
  }
  importState.running = true;
  importState.errorCode = null;
  importState.report = null;
  let batch = paths;
  try {
    while (batch.length > 0) {
      importState.progress = { filesDone: 0, filesTotal: batch.length, added: 0, duplicates: 0, failed: 0, currentFile: '' };
      try {
        const report = await importFiles(batch, (progress) => (importState.progress = progress));
        importState.report = mergeReports(importState.report, report);
      } catch (reason) {
        importState.errorCode = toBackendError(reason).code;
      }
      batch = queued;
      queued = [];
    }
  } finally {
    importState.running = false;
    importState.progress = null;
    notifyLibraryChanged();
  }
}

/** Closes the summary. */
export function dismissImport(): void {
  importState.report = null;
  importState.errorCode = null;
}
