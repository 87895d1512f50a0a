/** The fixed height of an article row in px: the virtualized list places rows by it. */
export const ROW_HEIGHT = 124;

/** Rows asked from the backend at a time. */
export const PAGE_SIZE = 100;

/** Which articles a list shows. */
export interface ListFilter {
  bookmarkedOnly: boolean;
  unreadOnly: boolean;
  sourceId: number | null;
  /** Only bookmarks with this tag (with `bookmarkedOnly`). */
  tag: string | null;
}
