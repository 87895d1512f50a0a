// The only module that talks to the Rust side. Every Tauri command has one
// typed function here; a failed command rejects with a `BackendError`.
import { invoke } from '@tauri-apps/api/core';

export type Direction = 'rtl' | 'ltr';
export type Language = 'fa' | 'en';
export type Theme = 'light' | 'dark' | 'system';

export interface ArticleSummary {
  id: number;
  title: string;
  titleDir: Direction;
  sourceTitle: string;
  /** Unix seconds. */
  publishedAt: number | null;
  /** Unix seconds. */
  fetchedAt: number;
  /** The first line of the text. */
  snippet: string;
  snippetDir: Direction;
  bookmarked: boolean;
  bookmarkedAt: number | null;
}

export interface Article extends ArticleSummary {
  url: string | null;
  author: string | null;
  /** Sanitized by the Rust side: `<p dir="auto">` paragraphs, `<bdi>` around Latin runs. */
  bodyHtml: string;
  dir: Direction;
  lang: string | null;
}

export interface ArticleFilter {
  bookmarkedOnly: boolean;
  limit: number;
  offset: number;
}

export interface Settings {
  language: Language;
  theme: Theme;
}

/**
 * A failed command. The UI shows only the localized `error-<code>` text;
 * `message` is for logs, never for the screen.
 */
export class BackendError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }
}

/** Turns whatever `invoke` rejected with into a `BackendError`. */
export function toBackendError(reason: unknown): BackendError {
  if (reason instanceof BackendError) return reason;
  if (typeof reason === 'object' && reason !== null && typeof (reason as { code?: unknown }).code === 'string') {
    const { code, message } = reason as { code: string; message?: unknown };
    return new BackendError(code, typeof message === 'string' ? message : '');
  }
  // Outside Tauri (a plain browser) or an unexpected shape: an internal error.
  return new BackendError('internal', reason instanceof Error ? reason.message : String(reason));
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toBackendError(reason);
  }
}

/** Newest first; with `bookmarkedOnly`, newest bookmark first. */
export function listArticles(filter: ArticleFilter): Promise<ArticleSummary[]> {
  return call('list_articles', { filter });
}

export function getArticle(id: number): Promise<Article> {
  return call('get_article', { id });
}

export async function setBookmark(id: number, bookmarked: boolean): Promise<void> {
  await call<null>('set_bookmark', { id, bookmarked });
}

export function getSettings(): Promise<Settings> {
  return call('get_settings');
}

/** Persists the settings and returns them as stored. */
export function setSettings(settings: Settings): Promise<Settings> {
  return call('set_settings', { settings });
}
