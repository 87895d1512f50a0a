//! What the library's integration tests share: the fixed clock, the fixture
//! folder, new and sample libraries on real SQLite files, and a real HTTP
//! server on 127.0.0.1 (`server`).

#[path = "../../../../../tests/support/coldsweat.rs"]
pub mod coldsweat;
#[path = "../../../../../tests/support/freshrss.rs"]
pub mod freshrss;
pub mod mount;
pub mod proxies;
pub mod server;

use std::path::{Path, PathBuf};

use barg_core::{sample, Library};

/// The tests' "now" (2025-11-24): time is passed in, never read.
pub const NOW: i64 = 1_764_000_000;

/// `tests/fixtures`: real files nobody here wrote (provenance in its SOURCES.md).
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The bytes of one fixture file.
pub fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(path)).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

/// Every file under `dir`, recursively, sorted; none when `dir` is missing.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// A new, empty library in `dir`.
pub fn new_library(dir: &tempfile::TempDir) -> Library {
    Library::open(&dir.path().join("library.sqlite")).expect("a new library opens")
}

/// A new library in `dir` holding the bundled sample articles.
pub fn sample_library(dir: &tempfile::TempDir) -> Library {
    let library = new_library(dir);
    sample::import_once(&library, NOW).expect("the sample imports");
    library
}
