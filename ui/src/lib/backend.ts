// The only module that talks to the Rust side. Every Tauri command has one
// typed function here; a failed command rejects with a `BackendError`. The
// native file dialogs and file drops (Tauri plugins and webview events, which
// also cross IPC) are wrapped here too, so no other module imports Tauri.
import { Channel, invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { open as openDialog, save as saveDialog } from '@tauri-apps/plugin-dialog';

// Every type and constant that crosses IPC is generated from its Rust
// definition; the rest of the UI takes them from here.
import type * as ipc from './generated/ipc';
import { noteSyncReport } from './faults/connection.svelte';
import { noteOutcome, noteReport } from './faults/disk.svelte';
export * from './generated/ipc';

/** A file dialog filter: a name for the user and extensions without the dot. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Files dragged over the window: `over` while they hover, `drop`, or `leave`. */
export type FileDrag = { type: 'over' } | { type: 'drop'; paths: string[] } | { type: 'leave' };

/**
 * A failed command. The UI shows only the localized `error-<code>` text;
 * `message` is for logs, never for the screen.
 */
export class BackendError extends Error {
  readonly code: ipc.ErrorCode;

  constructor(code: ipc.ErrorCode, message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }
}

/** Turns whatever `invoke` rejected with into a `BackendError`. */
export function toBackendError(reason: unknown): BackendError {
  if (reason instanceof BackendError) return reason;
  if (typeof reason === 'object' && reason !== null && typeof (reason as { code?: unknown }).code === 'string') {
    const { code, message } = reason as { code: ipc.ErrorCode; message?: unknown };
    return new BackendError(code, typeof message === 'string' ? message : '');
  }
  // Outside Tauri (a plain browser) or an unexpected shape: an internal error.
  return new BackendError('internal', reason instanceof Error ? reason.message : String(reason));
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    const value = await invoke<T>(command, args);
    noteOutcome(command, null);
    return value;
  } catch (reason) {
    const error = toBackendError(reason);
    noteOutcome(command, error.code);
    throw error;
  }
}

/**
 * Newest first; with `bookmarkedOnly`, newest bookmark first. Pages by `offset` and `limit`.
 * With `repair`, Persian titles and snippets come repaired, as the reader shows them.
 */
export function listArticles(filter: ipc.ArticleFilter, repair = false): Promise<ipc.ArticleSummary[]> {
  return call('list_articles', { filter, repair });
}

/**
 * With `repair`, Persian title and body come back with lost half-spaces,
 * digits and punctuation spacing repaired; the stored text never changes.
 */
export function getArticle(id: number, repair = false): Promise<ipc.Article> {
  return call('get_article', { id, repair });
}

/**
 * Empty or whitespace-only text finds nothing; any other text is safe to pass.
 * With `repair`, Persian titles and snippets come repaired, each highlighted
 * part on its own, so highlights cover the same words.
 */
export function search(query: ipc.SearchQuery, repair = false): Promise<ipc.SearchResult> {
  return call('search', { query, repair });
}

export function listSources(): Promise<ipc.Source[]> {
  return call('list_sources');
}

/** Subscribes to a feed; `url` may be the feed's or any page that links to it. */
export function addFeed(url: string, folder: string | null): Promise<ipc.Source> {
  return call('add_feed', { url, folder });
}

/** Removes a source; with `keepArticles`, its articles stay in the library. */
export async function removeSource(id: number, keepArticles: boolean): Promise<void> {
  await call<null>('remove_source', { id, keepArticles });
}

export async function renameSource(id: number, title: string): Promise<void> {
  await call<null>('rename_source', { id, title });
}

/** Files a feed in `folder`; null takes it out of any folder. */
export async function moveSource(id: number, folder: string | null): Promise<void> {
  await call<null>('move_source', { id, folder });
}

export async function setFetchFullText(id: number, on: boolean): Promise<void> {
  await call<null>('set_fetch_full_text', { id, on });
}

/** A feed's own route; `null`: the network settings' default. */
export async function setFeedRoute(id: number, route: ipc.Route | null): Promise<void> {
  await call('set_feed_route', { id, route });
}

/** Which of a feed's article images a sync downloads (`first`: the first of each article). */
export async function setFeedImages(id: number, images: ipc.ImagePolicy): Promise<void> {
  await call<null>('set_feed_images', { id, images });
}

/**
 * Fetches a summary-only article's page and stores its text in place of the
 * summary. `asked`: the user pressed the button (always fetches); otherwise
 * the article was just opened, and text only or the feed's full-text switch
 * off makes the backend skip it.
 */
export function fetchArticlePage(id: number, asked: boolean): Promise<ipc.PageFetch> {
  return call('fetch_article_page', { id, asked });
}

/** Fetches the article's images the offline cache lacks; resolves to how many are still missing. */
export function fetchArticleImages(id: number): Promise<number> {
  return call('fetch_article_images', { id });
}

export function networkSettings(): Promise<ipc.NetworkSettings> {
  return call('network_settings');
}

/** Stores the network settings; a bad proxy address rejects with `invalid-input`. */
export async function setNetworkSettings(settings: ipc.NetworkSettings): Promise<void> {
  await call('set_network_settings', { settings });
}

/** Keeps the manual proxy's password: in the OS credential store, or until Barg closes where there is none. */
export function setProxyPassword(password: string): Promise<ipc.PasswordKept> {
  return call('set_proxy_password', { password });
}

/** Where the proxy's password is kept; `null`: Barg has none (ask for it). */
export function proxyPasswordKept(): Promise<ipc.PasswordKept | null> {
  return call('proxy_password_kept');
}

/** Which ways reach `url` (direct, through the proxy) and the route the settings take for it. */
export function checkNetwork(url: string): Promise<ipc.NetworkCheck> {
  return call('check_network', { url });
}

/** Fetches one feed, or every feed with `sourceId` null; `onProgress` hears about each feed as it is done. */
export function syncFeeds(sourceId: number | null, onProgress: (progress: ipc.SyncProgress) => void): Promise<ipc.SyncReport> {
  return call<ipc.SyncReport>('sync_feeds', { sourceId, onProgress: new Channel<ipc.SyncProgress>(onProgress) }).then(
    (report) => (noteReport(report), noteSyncReport(report), report),
  );
}

/** The sync accounts, in the order they were added. */
export function listAccounts(): Promise<ipc.Account[]> {
  return call('list_accounts');
}

/**
 * Logs in first (a refused user or password rejects with `account-auth`, an
 * address that is no such API with `account-answer`, `network` or
 * `http-status`), then adds the account; `kept` says where its password is.
 */
export function addAccount(kind: ipc.AccountKind, url: string, user: string, password: string): Promise<ipc.AddedAccount> {
  return call('add_account', { kind, url, user, password });
}

/**
 * Gives an account its password again (changed on the server, or kept only
 * until Barg last closed): checked by logging in (`account-auth` when
 * refused), then kept; the answer says where.
 */
export function setAccountPassword(id: number, password: string): Promise<ipc.PasswordKept> {
  return call('set_account_password', { id, password });
}

/** Removes an account (its server is not changed); with `keepArticles`, its feeds stay as Barg's own. */
export async function removeAccount(id: number, keepArticles: boolean): Promise<void> {
  await call<null>('remove_account', { id, keepArticles });
}

/** Syncs one account, or every account with `accountId` null, both ways; one result per account. */
export function syncAccounts(accountId: number | null): Promise<ipc.AccountSyncResult[]> {
  return call<ipc.AccountSyncResult[]>('sync_accounts', { accountId }).then(
    (results) => (noteReport({ failed: results.flatMap((result) => (result.error ? [result.error] : [])) }), results),
  );
}

/** Subscribes an account to a feed on its server, then syncs that account. */
export async function subscribeAccount(accountId: number, url: string, folder: string | null): Promise<void> {
  await call<null>('subscribe_account', { accountId, url, folder });
}

/** Stops the sync that is running; what it fetched so far is kept. */
export async function cancelSync(): Promise<void> {
  await call<null>('cancel_sync');
}

export function importOpml(path: string): Promise<ipc.OpmlImportReport> {
  return call('import_opml', { path });
}

export function exportOpml(path: string): Promise<ipc.OpmlExportReport> {
  return call('export_opml', { path });
}

/** Fetches a web page and stores it as an article; resolves to the article's id. */
export function savePage(url: string): Promise<ipc.SavedPage> {
  return call('save_page', { url });
}

/** The feeds offered on first start. */
export function defaultFeeds(): Promise<ipc.DefaultFeed[]> {
  return call('default_feeds');
}

/** Imports files into the library; `onProgress` hears about each file as it is done. */
export function importFiles(paths: string[], onProgress: (progress: ipc.ImportProgress) => void): Promise<ipc.ImportReport> {
  return call<ipc.ImportReport>('import_files', { paths, onProgress: new Channel<ipc.ImportProgress>(onProgress) }).then(
    (report) => (noteReport(report), report),
  );
}

export function exportLibrary(format: ipc.ExportFormat, bookmarksOnly: boolean, path: string): Promise<ipc.ExportReport> {
  return call('export_library', { format, bookmarksOnly, path });
}

export async function setBookmark(id: number, bookmarked: boolean): Promise<void> {
  await call<null>('set_bookmark', { id, bookmarked });
}

/** Sets a bookmark's tags and note (null for none); bookmarks the article if it was not. */
export async function setBookmarkDetails(id: number, tags: string[], note: string | null): Promise<void> {
  await call<null>('set_bookmark_details', { id, tags, note });
}

/** Every bookmark tag with its count, most used first, then by name. */
export function listTags(): Promise<ipc.TagCount[]> {
  return call('list_tags', {});
}

export async function setRead(id: number, read: boolean): Promise<void> {
  await call<null>('set_read', { id, read });
}

/** Saves how far the article was read, 0 (top) to 1 (end). */
export async function setReadingPosition(id: number, position: number): Promise<void> {
  await call<null>('set_reading_position', { id, position });
}

/** Opens an http, https or mailto address in the system browser (never in the web view). */
export async function openExternal(url: string): Promise<void> {
  await call<null>('open_external', { url });
}

export function getSettings(): Promise<ipc.Settings> {
  return call('get_settings');
}

/** Persists the settings and returns them as stored. */
export function setSettings(settings: ipc.Settings): Promise<ipc.Settings> {
  return call('set_settings', { settings });
}

/** Asks for files to import; an empty list when the dialog is cancelled. */
export async function pickFiles(filter: FileFilter): Promise<string[]> {
  try {
    const picked = await openDialog({ multiple: true, directory: false, filters: [filter] });
    if (picked === null) return [];
    return Array.isArray(picked) ? picked : [picked];
  } catch (reason) {
    throw toBackendError(reason);
  }
}

/** Asks where to save; null when the dialog is cancelled. */
export async function pickSavePath(defaultPath: string, filter: FileFilter): Promise<string | null> {
  try {
    return await saveDialog({ defaultPath, filters: [filter] });
  } catch (reason) {
    throw toBackendError(reason);
  }
}

/**
 * Follows files dragged over and dropped on the window. Resolves to the
 * function that stops following; outside Tauri (a plain browser) it does nothing.
 */
export async function onFileDrag(handler: (drag: FileDrag) => void): Promise<() => void> {
  try {
    return await getCurrentWebview().onDragDropEvent(({ payload }) => {
      if (payload.type === 'drop') handler({ type: 'drop', paths: payload.paths });
      else if (payload.type === 'leave') handler({ type: 'leave' });
      else handler({ type: 'over' });
    });
  } catch {
    return () => {};
  }
}

/**
 * Follows what is opened in Barg from outside (`barg FILE|URL`: an OPML
 * list or a `feed:` link from the desktop, handed to this window by a
 * second launch). Resolves to the function that stops following.
 */
export async function onOpened(handler: (opened: ipc.Opened) => void): Promise<() => void> {
  try {
    return await listen<ipc.Opened>('barg://opened', ({ payload }) => handler(payload));
  } catch {
    return () => {};
  }
}

/** What the user must be told at start: recovery, or settings reset to the defaults. */
export function startupState(): Promise<ipc.StartupState> {
  return call('startup_state');
}

/** Whether the library's disk has room again after it was full (it checkpoints when it has). */
export function diskHasRoom(): Promise<boolean> {
  return call('disk_has_room');
}

/** Recovery: keeps the unreadable library aside, opens a fresh one; returns where the old file is. */
export function startFreshLibrary(): Promise<string> {
  return call('start_fresh_library');
}

/** Recovery: keeps the unreadable library aside and restores a backup in its place. */
export function restoreIntoNewLibrary(path: string): Promise<string> {
  return call('restore_into_new_library', { path });
}

/** Writes a consistent copy of the library to `path`. */
export async function backupLibrary(path: string): Promise<void> {
  await call('backup_library', { path });
}

/** Replaces the library with a backup; returns where the replaced library was kept. */
export function restoreLibrary(path: string): Promise<string> {
  return call('restore_library', { path });
}
