//! The operations both edges offer, the window's commands and the `barg`
//! command line, written once: each edge only converts its arguments and
//! shows the result. A data folder, the library in it opened (or set aside
//! when it cannot be, or replaced by a backup), files imported with their
//! failures reported per file, exports written whole or not at all.

mod export;
mod import;

use std::path::{Path, PathBuf};

pub use export::{export_opml_to_file, export_to_file};
pub use import::{import_files, FileFailure, FileImported, ImportReport};

use crate::feeds::images::ImageCache;
use crate::fs::with_suffix;
use crate::{Library, LibraryError, Timestamp};

/// The offline image cache's share of the disk.
pub const IMAGE_BUDGET_BYTES: u64 = 512 * 1024 * 1024;

/// A folder holding one library and what goes with it (the image cache;
/// the app keeps its settings there too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFolder {
    pub dir: PathBuf,
}

impl DataFolder {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The library file.
    pub fn library_path(&self) -> PathBuf {
        self.dir.join("library.sqlite")
    }

    /// The offline image cache.
    pub fn image_cache(&self) -> ImageCache {
        ImageCache::new(self.dir.join("images"), IMAGE_BUDGET_BYTES)
    }

    /// Opens (or creates) the library; a new one is filled with the sample
    /// articles, once in its life. A library that cannot be written opens
    /// read-only, as it is.
    pub fn open_library(&self, now: Timestamp) -> Result<Library, LibraryError> {
        let library = Library::open(&self.library_path())?;
        if library.is_read_only() {
            return Ok(library);
        }
        let added = crate::sample::import_once(&library, now)?;
        if added > 0 {
            tracing::info!(added, "filled the new library with the sample articles");
        }
        Ok(library)
    }

    /// Moves a library file that cannot be opened (and its WAL files) aside,
    /// under a name that says when: it is kept, never deleted. Returns the
    /// new name.
    pub fn set_library_aside(&self, now: Timestamp) -> Result<PathBuf, LibraryError> {
        let path = self.library_path();
        let kept = path.with_file_name(format!("library.unreadable-{now}.sqlite"));
        move_with_sidecars(&path, &kept)?;
        Ok(kept)
    }

    /// Recovery: checks that `backup` is a Barg library this Barg can read
    /// and that it is intact, then sets the unreadable library aside and
    /// puts the backup in its place. A bad backup changes nothing. Returns
    /// where the unreadable library was kept.
    pub fn restore_into_new_library(
        &self,
        backup: &Path,
        now: Timestamp,
    ) -> Result<PathBuf, LibraryError> {
        std::fs::create_dir_all(&self.dir)?;
        let scratch = self.dir.join(format!("library.restoring-{now}.sqlite"));
        let restored = Library::open(&scratch).and_then(|library| {
            // Restoring into an empty library keeps that empty one as the
            // "replaced" copy: it is not needed.
            let empty = library.restore_from(backup, now)?;
            let _ = std::fs::remove_file(empty);
            Ok(())
        });
        if let Err(error) = restored {
            remove_with_sidecars(&scratch);
            return Err(error);
        }
        let kept = self.set_library_aside(now)?;
        std::fs::rename(&scratch, self.library_path())?;
        remove_with_sidecars(&scratch);
        Ok(kept)
    }
}

/// SQLite's write-ahead log and shared-memory files beside a library.
const SIDECARS: [&str; 2] = ["-wal", "-shm"];

/// Renames a library file and the sidecars it has.
fn move_with_sidecars(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::rename(from, to)?;
    for side in SIDECARS {
        let sidecar = with_suffix(from, side);
        if sidecar.exists() {
            let _ = std::fs::rename(&sidecar, with_suffix(to, side));
        }
    }
    Ok(())
}

/// Removes a scratch library file and its sidecars.
fn remove_with_sidecars(path: &Path) {
    let _ = std::fs::remove_file(path);
    for side in SIDECARS {
        let _ = std::fs::remove_file(with_suffix(path, side));
    }
}
