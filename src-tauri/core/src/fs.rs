//! Files written whole or not at all: what a crash or a failed write leaves
//! under the chosen name is the old file or nothing, never half a new one.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Where a file is written before it takes its name: the name with
/// `.partial` added (`x.json.partial`), so files that differ only in their
/// extension never share one.
pub fn partial_path(path: &Path) -> PathBuf {
    with_suffix(path, ".partial")
}

/// `path` with `suffix` added to its whole name (`library.sqlite-wal`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Writes `path` through [`partial_path`]: `write` fills the file, which is
/// flushed to the disk and then renamed over `path`. When `write` fails,
/// the partial file is removed and `path` is left as it was.
pub fn write_atomically<T, E: From<std::io::Error>>(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<std::fs::File>) -> Result<T, E>,
) -> Result<T, E> {
    let partial = partial_path(path);
    let mut out = BufWriter::new(std::fs::File::create(&partial)?);
    let written = write(&mut out).and_then(|value| {
        out.flush()?;
        out.get_ref().sync_all()?;
        Ok(value)
    });
    drop(out);
    match written {
        Ok(value) => match std::fs::rename(&partial, path) {
            Ok(()) => Ok(value),
            Err(error) => {
                let _ = std::fs::remove_file(&partial);
                Err(error.into())
            }
        },
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            Err(error)
        }
    }
}

/// How much room the disk holding the library has left for its writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskRoom {
    /// Less than [`FULL_BELOW`]: a write would fail (SQLite needs pages
    /// for the write-ahead log before it can store anything).
    Full,
    /// Between the two: writes may go through, but the full-disk notice
    /// stays up until there is clearly room again.
    Low,
    /// At least [`ENOUGH_FROM`].
    Enough,
}

/// Below this many free bytes the disk counts as full.
pub const FULL_BELOW: u64 = 256 * 1024;
/// From this many free bytes on there is room again (well above
/// [`FULL_BELOW`], so the notice does not flicker at the edge).
pub const ENOUGH_FROM: u64 = 1024 * 1024;

impl DiskRoom {
    pub fn of_free_bytes(free: u64) -> Self {
        if free < FULL_BELOW {
            Self::Full
        } else if free < ENOUGH_FROM {
            Self::Low
        } else {
            Self::Enough
        }
    }
}

/// The room left on the disk that holds `path` (an existing file or
/// folder), for its user (quota and reserved blocks counted).
pub fn disk_room(path: &Path) -> std::io::Result<DiskRoom> {
    fs4::available_space(path).map(DiskRoom::of_free_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_partial_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.json");
        std::fs::write(&path, "old").unwrap();
        let failed: Result<(), std::io::Error> = write_atomically(&path, |out| {
            out.write_all(b"half of a new")?;
            Err(std::io::Error::other("the disk is full"))
        });
        assert!(failed.is_err(), "the failure is reported");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "old",
            "the chosen name keeps the old file"
        );
        assert!(
            !partial_path(&path).exists(),
            "no partial file is left behind"
        );
        write_atomically(&path, |out| out.write_all(b"new")).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "new",
            "a write that works replaces it"
        );
    }

    #[test]
    fn files_differing_in_extension_have_their_own_partial_file() {
        assert_ne!(
            partial_path(Path::new("/a/x.json")),
            partial_path(Path::new("/a/x.md")),
            "two exports written at once must not share a partial file"
        );
    }
}
