// Generated from the Rust wire types by src-tauri/tests/it/bindings.rs
// (`cargo test -p barg --test it bindings`). Do not edit: change the Rust.

export type CommandError = { code: ErrorCode, message: string, };

export type ErrorCode = "not-found" | "database" | "invalid-input" | "settings" | "io" | "unsupported-format" | "too-large" | "internal" | "network" | "timeout" | "http-status" | "not-a-feed" | "parse" | "redirect-loop" | "cancelled" | "already-subscribed" | "foreign-library" | "newer-library" | "read-only" | "disk-full" | "filtered" | "proxy-unreachable" | "proxy-auth" | "account-auth" | "account-answer" | "account-unsupported" | "no-credential-store";

export type Direction = "rtl" | "ltr";

export type SourceKind = "sample" | "file" | "web" | "feed";

export type ArticleFilter = { bookmarkedOnly: boolean, unreadOnly: boolean, 
/**
 * Only this source's articles; null for every source.
 */
sourceId: number | null, 
/**
 * Only bookmarks with this tag (with `bookmarkedOnly`); null for any.
 */
tag: string | null, limit: number, offset: number, };

export type ArticleSummary = { id: number, title: string, titleDir: Direction, sourceTitle: string, 
/**
 * The direction the source's name reads in ("Blogs on امیررضا قادری" is ltr).
 */
sourceTitleDir: Direction, 
/**
 * Unix seconds.
 */
publishedAt: number | null, 
/**
 * Unix seconds.
 */
fetchedAt: number, 
/**
 * The first line of the text.
 */
snippet: string, snippetDir: Direction, bookmarked: boolean, bookmarkedAt: number | null, sourceId: number, read: boolean, 
/**
 * Only its feed's summary is stored: its page is still to be had.
 */
summaryOnly: boolean, };

export type Article = { url: string | null, author: string | null, 
/**
 * Sanitized in Rust: `<p dir="auto">` paragraphs, `<bdi>` around Latin runs.
 */
bodyHtml: string, dir: Direction, lang: string | null, 
/**
 * How far the reader got, 0 (top) to 1 (end).
 */
readingPosition: number, 
/**
 * Estimated reading time.
 */
readingMinutes: number, 
/**
 * The bookmark's tags; empty when not bookmarked.
 */
tags: Array<string>, 
/**
 * The bookmark's note; null when there is none.
 */
note: string | null, 
/**
 * Images in the text that are not in the offline cache (the reader
 * offers to fetch them).
 */
imagesMissing: number, id: number, title: string, titleDir: Direction, sourceTitle: string, 
/**
 * The direction the source's name reads in ("Blogs on امیررضا قادری" is ltr).
 */
sourceTitleDir: Direction, 
/**
 * Unix seconds.
 */
publishedAt: number | null, 
/**
 * Unix seconds.
 */
fetchedAt: number, 
/**
 * The first line of the text.
 */
snippet: string, snippetDir: Direction, bookmarked: boolean, bookmarkedAt: number | null, sourceId: number, read: boolean, 
/**
 * Only its feed's summary is stored: its page is still to be had.
 */
summaryOnly: boolean, };

export type SearchQuery = { text: string, limit: number, offset: number, sourceId: number | null, bookmarkedOnly: boolean, unreadOnly: boolean, 
/**
 * Unix seconds, inclusive.
 */
from: number | null, 
/**
 * Unix seconds, inclusive.
 */
to: number | null, };

export type TextPart = { text: string, hit: boolean, };

export type SearchHit = { article: ArticleSummary, titleParts: Array<TextPart>, snippetParts: Array<TextPart>, score: number, };

export type SearchResult = { hits: Array<SearchHit>, 
/**
 * How many articles match, counted up to `SEARCH_TOTAL_CAP`.
 */
total: number, };

export type Source = { id: number, title: string, kind: SourceKind, articleCount: number, unreadCount: number, 
/**
 * A feed's own address; null for other kinds.
 */
url: string | null, 
/**
 * The web site the feed belongs to.
 */
siteUrl: string | null, 
/**
 * The folder the feed is filed in; null for none.
 */
folder: string | null, 
/**
 * Unix seconds of the last fetch that worked.
 */
lastSuccessAt: number | null, 
/**
 * Why the last fetch failed; null when it worked.
 */
lastErrorCode: ErrorCode | null, 
/**
 * Fetch each article's page for its full text (feeds that send summaries).
 */
fetchFullText: boolean, 
/**
 * A feed's own route; null: the network settings' default.
 */
route: Route | null, 
/**
 * The way its last successful fetch went.
 */
routeWorked: Way | null, 
/**
 * Subscribed while its address could not be reached: the first sync
 * that reaches it fetches it.
 */
pending: boolean, 
/**
 * Which of its articles' images a sync downloads.
 */
images: ImagePolicy, 
/**
 * The sync account it belongs to; null: Barg's own subscription.
 */
accountId: number | null, 
/**
 * The direction its name reads in ("Blogs on امیررضا قادری" is ltr).
 */
titleDir: Direction, };

export type ImportProgress = { filesDone: number, filesTotal: number, added: number, duplicates: number, failed: number, currentFile: string, };

export type ImportFailure = { path: string, code: ErrorCode, message: string, };

export type ImportReport = { added: number, duplicates: number, failed: Array<ImportFailure>, };

export type ExportFormat = "json" | "html" | "md";

export type ExportReport = { articles: number, bookmarks: number, path: string, };

export type SyncProgress = { feedsDone: number, feedsTotal: number, added: number, updated: number, failed: number, currentFeed: string, };

export type SyncFailure = { sourceId: number, title: string, code: ErrorCode, message: string, };

export type SyncReport = { added: number, updated: number, unchanged: number, failed: Array<SyncFailure>, 
/**
 * Nothing answered (no connection, or the proxy is down): one notice,
 * not one error per feed.
 */
offline: boolean, };

export type OpmlImportReport = { 
/**
 * Feeds subscribed to.
 */
added: number, 
/**
 * Feeds that were already subscribed to.
 */
existing: number, };

export type OpmlExportReport = { feeds: number, path: string, };

export type SavedPage = { id: number, };

export type DefaultFeed = { title: string, url: string, lang: string, };

export type TagCount = { tag: string, count: number, };

export type StartupState = { libraryProblem: CommandError | null, 
/**
 * The unreadable library file, kept as it was.
 */
libraryPath: string | null, 
/**
 * The library opened read-only (its drive or folder cannot be written).
 */
libraryReadOnly: boolean, 
/**
 * The library's disk is full (a writable library): the full-disk
 * notice shows from the start.
 */
diskFull: boolean, settingsReset: boolean, };

export type Route = "direct" | "proxy" | "auto";

export type Way = "direct" | "proxy";

export type ProxyKind = "none" | "system" | "manual";

export type RoutePolicy = "direct" | "all-proxy" | "auto" | "iran";

export type NetworkSettings = { proxyKind: ProxyKind, 
/**
 * `socks5h://127.0.0.1:1080` and the like ("" unless manual).
 */
proxyUrl: string, 
/**
 * "" for none. The password is never part of the settings.
 */
proxyUser: string, policy: RoutePolicy, 
/**
 * The route of the feeds in a folder that have none of their own.
 */
folderRoutes: { [key in string]: Route }, 
/**
 * Low bandwidth: syncs fetch no article pages and no images.
 */
textOnly: boolean, };

export type WayCheck = { way: Way, 
/**
 * Null when it worked.
 */
error: CommandError | null, };

export type NetworkCheck = { route: Route, ways: Array<WayCheck>, };

export type PasswordKept = "store" | "session";

export type ImagePolicy = "all" | "first" | "none";

export type PageFetch = "filled" | "not-summary" | "skipped";

export type AccountKind = "greader" | "fever";

export type Account = { id: number, kind: AccountKind, url: string, user: string, 
/**
 * Unix seconds.
 */
lastSyncAt: number | null, lastSuccessAt: number | null, 
/**
 * Why the last sync failed, if it did.
 */
lastErrorCode: ErrorCode | null, sources: number, 
/**
 * Changes made in Barg that wait for the next sync.
 */
pendingChanges: number, };

export type AddedAccount = { id: number, kept: PasswordKept, };

export type AccountSyncResult = { accountId: number, added: number, 
/**
 * Changes made in Barg that the server took.
 */
sent: number, error: CommandError | null, };

export type Opened = { "kind": "subscribed", added: number, existing: number, } | { "kind": "imported", added: number, duplicates: number, } | { "kind": "failed", error: CommandError, };

export type Language = "fa" | "en";

export type Theme = "light" | "dark" | "sepia" | "system";

export type Digits = "persian" | "latin";

export type Calendar = "jalali" | "gregorian";

export type Settings = { language: Language, theme: Theme, 
/**
 * Show Persian articles with lost half-spaces repaired (display only).
 */
repairHalfSpaces: boolean, 
/**
 * Reader font size in CSS pixels ([`FONT_SIZE_RANGE`]).
 */
fontSize: number, 
/**
 * Reader line height ([`LINE_HEIGHT_RANGE`]).
 */
lineHeight: number, 
/**
 * Reader text width in `ch` ([`TEXT_WIDTH_RANGE`]).
 */
textWidth: number, digits: Digits, calendar: Calendar, 
/**
 * Mark an article read when it is opened.
 */
markReadOnOpen: boolean, 
/**
 * Widths in CSS pixels of the sources pane and the list pane
 * ([`PANE_WIDTH_RANGES`]).
 */
paneWidths: [number, number], 
/**
 * Minutes between background syncs; 0 turns them off (at most
 * [`REFRESH_MINUTES_MAX`]).
 */
refreshMinutes: number, 
/**
 * Whether the default Persian feeds were offered (they are, once).
 */
feedsOffered: boolean, };

/** [min, max, step] */
export const FONT_SIZE_RANGE = [14, 28, 1] as const;

/** [min, max, step] */
export const LINE_HEIGHT_RANGE = [1.4, 2.4, 0.1] as const;

/** [min, max, step] */
export const TEXT_WIDTH_RANGE = [30, 90, 2] as const;

/** [min, max] of the sources pane and of the list pane. */
export const PANE_WIDTH_RANGES = [[160, 480], [240, 800]] as const;

export const REFRESH_MINUTES_MAX = 1440;

export const LANGUAGES: readonly Language[] = ["fa","en"];

export const THEMES: readonly Theme[] = ["light","dark","sepia","system"];

export const DIGITS: readonly Digits[] = ["persian","latin"];

export const CALENDARS: readonly Calendar[] = ["jalali","gregorian"];

/** What a first start has, and what damaged settings fall back to. */
export const DEFAULT_SETTINGS: Settings = {"language":"fa","theme":"system","repairHalfSpaces":true,"fontSize":18,"lineHeight":1.9,"textWidth":42,"digits":"persian","calendar":"jalali","markReadOnOpen":true,"paneWidths":[220,380],"refreshMinutes":30,"feedsOffered":false};

/** Search stops counting matches here. */
export const SEARCH_TOTAL_CAP = 2000;
