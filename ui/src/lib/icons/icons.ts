/** Line icons on a 24×24 grid: one stroked path each. */
export const ICONS = {
  leaf: 'M5 19c0-8 5-14 15-14 0 10-6 15-14 15M5 19l7-7',
  /** Points towards the start of the line: mirrored in right-to-left. */
  back: 'M15 5l-7 7 7 7',
  close: 'M6 6l12 12M18 6L6 18',
  import: 'M12 4v11m0 0l-4.5-4.5M12 15l4.5-4.5M5 19h14',
  export: 'M12 15V4m0 0L7.5 8.5M12 4l4.5 4.5M5 19h14',
  /** Out of the box towards the end of the line: mirrored in right-to-left. */
  external: 'M14 5h5v5M19 5l-8 8M17 13.5V18a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h4.5',
  /** An open envelope: "mark unread". */
  unread: 'M4 9.5V19h16V9.5M4 9.5L12 4l8 5.5M4 9.5l8 5.5 8-5.5',
  /** A closed envelope: "mark read". */
  read: 'M4 6h16v12H4zM4 6l8 6 8-6',
  keyboard: 'M3 7h18v10H3zM6.5 10h1M10 10h1M13.5 10h1M17 10h.5M7 14h10',
  all: 'M5 6h14M5 12h14M5 18h14',
  inbox: 'M4 13l2.5-7h11L20 13v5H4zM4 13h5l1 2h4l1-2h5',
  bookmark: 'M6.5 3.5h11a1 1 0 0 1 1 1v16l-6.5-4.2-6.5 4.2v-16a1 1 0 0 1 1-1z',
  /** A label tag with its hole: bookmark tags. */
  tag: 'M4 4.5h7.5l8.5 8.5-7 7-8.5-8.5zM8 8.5h.01',
  feed: 'M5 5a14 14 0 0 1 14 14M5 11a8 8 0 0 1 8 8M5.5 18.5h.01',
  plus: 'M12 5v14M5 12h14',
  /** Circling arrows: refresh the feeds. */
  refresh: 'M19.5 12a7.5 7.5 0 1 1-2.2-5.3M19.5 4.5v4h-4',
  /** Three dots: more actions. */
  more: 'M5.5 12h.01M12 12h.01M18.5 12h.01',
  warning: 'M12 4L2.8 19.5h18.4zM12 10v4.5M12 17h.01',
  /** A no-entry sign: a feed the network's filter kept out. */
  blocked: 'M3.5 12a8.5 8.5 0 1 0 17 0a8.5 8.5 0 1 0-17 0M6 6l12 12',
  /** A plug: the proxy could not be reached or refused the password. */
  plug: 'M9 3.5v4.5M15 3.5v4.5M6.5 8h11v3a5.5 5.5 0 0 1-11 0zM12 16.5v4',
  folder: 'M3.5 7a1 1 0 0 1 1-1h5l2 2h8a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-15a1 1 0 0 1-1-1z',
  edit: 'M4.5 19.5l1-4 10-10 3 3-10 10zM13.5 7.5l3 3',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  link: 'M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1',
  /** Points towards the end of the line (a closed folder): mirrored in right-to-left. */
  chevron: 'M9.5 6l6 6-6 6',
} as const;

export type IconName = keyof typeof ICONS;

/** Icons that point somewhere, and so flip with the interface direction. */
export const DIRECTIONAL: ReadonlySet<IconName> = new Set<IconName>(['back', 'external', 'chevron']);
