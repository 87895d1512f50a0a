// A full disk, told once: the first change that fails with `disk-full` raises
// a notice that stays until a change goes through again (space is back),
// instead of an error per action. `backend.ts` reports every call here.

/** The commands that change the library or the settings on disk. */
const WRITES: ReadonlySet<string> = new Set([
  'set_bookmark',
  'set_bookmark_details',
  'set_read',
  'set_reading_position',
  'import_files',
  'import_opml',
  'add_feed',
  'remove_source',
  'rename_source',
  'move_source',
  'set_fetch_full_text',
  'save_page',
  'restore_library',
  'set_settings',
]);

let full = $state(false);

export const disk = {
  /** Whether the last change failed because the disk is full. */
  get full(): boolean {
    return full;
  },
};

/** Whether an error is told by the full-disk notice rather than where it happened. */
export function toldByNotice(code: string | null): boolean {
  return code === 'disk-full';
}

/** What a call to the backend came to: `null` when it worked, else its error code. */
export function noteOutcome(command: string, errorCode: string | null): void {
  if (errorCode === 'disk-full') full = true;
  else if (errorCode === null && WRITES.has(command)) full = false;
}
