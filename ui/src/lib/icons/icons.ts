/** Line icons on a 24×24 grid: one stroked path each. */
export const ICONS = {
  leaf: 'M5 19c0-8 5-14 15-14 0 10-6 15-14 15M5 19l7-7',
  /** Points towards the start of the line: mirrored in right-to-left. */
  back: 'M15 5l-7 7 7 7',
  import: 'M12 4v11m0 0l-4.5-4.5M12 15l4.5-4.5M5 19h14',
  export: 'M12 15V4m0 0L7.5 8.5M12 4l4.5 4.5M5 19h14',
} as const;

export type IconName = keyof typeof ICONS;

/** Icons that point somewhere, and so flip with the interface direction. */
export const DIRECTIONAL: ReadonlySet<IconName> = new Set<IconName>(['back']);
