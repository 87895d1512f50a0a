// Tells the views that show articles that the library changed (an import
// added articles), so they load again.
let version = $state(0);

export const libraryChanges = {
  /** Read this in an effect to run it again after every change. */
  get version(): number {
    return version;
  },
};

export function notifyLibraryChanged(): void {
  version++;
}
