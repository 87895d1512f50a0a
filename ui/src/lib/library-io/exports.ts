// The four ways to export, and what the save dialog proposes for each.
import type { ExportFormat } from '../backend';

export type ExportChoice = 'json' | 'json-bookmarks' | 'html' | 'md';

export interface ExportPlan {
  format: ExportFormat;
  bookmarksOnly: boolean;
  defaultPath: string;
  extensions: string[];
}

export const EXPORT_CHOICES: readonly ExportChoice[] = ['json', 'json-bookmarks', 'html', 'md'];

export function exportPlan(choice: ExportChoice): ExportPlan {
  switch (choice) {
    case 'json':
      return { format: 'json', bookmarksOnly: false, defaultPath: 'barg-library.json', extensions: ['json'] };
    case 'json-bookmarks':
      return { format: 'json', bookmarksOnly: true, defaultPath: 'barg-bookmarks.json', extensions: ['json'] };
    // Browsers import bookmarks from the Netscape bookmark file, which is HTML.
    case 'html':
      return { format: 'html', bookmarksOnly: true, defaultPath: 'barg-bookmarks.html', extensions: ['html', 'htm'] };
    case 'md':
      return { format: 'md', bookmarksOnly: true, defaultPath: 'barg-bookmarks.md', extensions: ['md'] };
  }
}

/** Subscriptions as OPML, the list every feed reader imports and exports. */
export const OPML_EXTENSIONS = ['opml', 'xml'];
export const OPML_DEFAULT_PATH = 'barg-subscriptions.opml';
