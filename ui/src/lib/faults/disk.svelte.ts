// A full disk, told once: a library opened on a full disk, or the first change
// that fails with `disk-full`, raises a notice instead of an error per action.
// It stays until there is room again: a change goes through, or the watch
// (`watchForRoom`, run by the app while the notice is up) finds space on the
// disk. `backend.ts` reports every call here.

/**
 * The commands whose success proves a change reached the disk. Imports and
 * syncs are not among them: they succeed with failures inside their report
 * (see `noteReport`).
 */
const WRITES: ReadonlySet<string> = new Set([
  'set_bookmark',
  'set_bookmark_details',
  'set_read',
  'set_reading_position',
  'import_opml',
  'add_feed',
  'remove_source',
  'rename_source',
  'move_source',
  'set_fetch_full_text',
  'save_page',
  'restore_library',
  'set_settings',
  'add_account',
  'remove_account',
]);

let full = $state(false);

export const disk = {
  /** Whether the last change failed because the disk is full. */
  get full(): boolean {
    return full;
  },
};

/** The window opened on a library whose disk is full. */
export function noteStartup(diskFull: boolean): void {
  if (diskFull) full = true;
}

/** How often the app asks whether the disk has room again while it is full. */
export const ROOM_CHECK_MS = 5000;

/**
 * While the notice is up, asks `hasRoom` every `everyMs` whether the disk has
 * room again (the backend checkpoints when it has) and lowers the notice when
 * it says so. Returns what stops the watch.
 */
export function watchForRoom(hasRoom: () => Promise<boolean>, everyMs: number): () => void {
  const timer = setInterval(() => {
    hasRoom().then(
      (room) => {
        if (room) full = false;
      },
      () => {},
    );
  }, everyMs);
  return () => clearInterval(timer);
}

/** Whether an error is told by the full-disk notice rather than where it happened. */
export function toldByNotice(code: string | null): boolean {
  return code === 'disk-full';
}

/** An import's or a sync's report: a file or feed that met the full disk raises the notice. */
export function noteReport(report: { failed: { code: string }[] }): void {
  if (report.failed.some((failure) => failure.code === 'disk-full')) full = true;
}

/** What a call to the backend came to: `null` when it worked, else its error code. */
export function noteOutcome(command: string, errorCode: string | null): void {
  if (errorCode === 'disk-full') full = true;
  else if (errorCode === null && WRITES.has(command)) full = false;
}
