//! Exports written to the file the user chose, whole or not at all.

use std::path::Path;

use crate::export::{export, ExportFormat};
use crate::fs::write_atomically;
use crate::ingest::barg_json::ExportCounts;
use crate::ingest::IngestError;
use crate::{Library, LibraryError, Timestamp};

/// Writes an export of the library (or of its bookmarks) to `path`.
pub fn export_to_file(
    library: &Library,
    format: ExportFormat,
    bookmarks_only: bool,
    path: &Path,
    now: Timestamp,
) -> Result<ExportCounts, IngestError> {
    write_atomically(path, |out| {
        export(library, format, bookmarks_only, out, now)
    })
}

/// Writes every subscription to an OPML file; returns how many.
pub fn export_opml_to_file(library: &Library, path: &Path) -> Result<usize, LibraryError> {
    let (text, feeds) = library.export_opml()?;
    write_atomically(path, |out| {
        std::io::Write::write_all(out, text.as_bytes()).map_err(LibraryError::from)
    })?;
    Ok(feeds)
}
