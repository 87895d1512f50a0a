//! Importing files one after another: a file that fails is reported with
//! its code and the others go on (unless the disk is full: then the import
//! stops). A panic the parser guard does not catch is an `internal`
//! failure of that file, never the end of the import.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use crate::ingest::ImportCounts;
use crate::{Code, Library, Timestamp};

/// One file that could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFailure {
    pub path: PathBuf,
    pub code: Code,
    pub message: String,
}

/// What importing a list of files did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: u64,
    pub duplicates: u64,
    pub failed: Vec<FileFailure>,
}

/// What one file did, told as soon as it is done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileImported<'a> {
    /// The file is about to be read.
    Started {
        path: &'a Path,
    },
    Stored {
        path: &'a Path,
        counts: &'a ImportCounts,
    },
    Failed(&'a FileFailure),
}

/// Imports `paths` in order; `on_file` hears of each file as it starts and
/// ends (with the report so far). A large import compacts the search index
/// afterwards.
pub fn import_files(
    library: &Library,
    paths: &[PathBuf],
    now: Timestamp,
    mut on_file: impl FnMut(FileImported<'_>, &ImportReport),
) -> ImportReport {
    let mut report = ImportReport::default();
    for (n, path) in paths.iter().enumerate() {
        if report
            .failed
            .last()
            .is_some_and(|f| f.code == Code::DiskFull)
        {
            // A full disk fails every file after it too: the import stops
            // after its last whole write and says which files were not tried.
            for path in &paths[n..] {
                failed(
                    &mut report,
                    &mut on_file,
                    path,
                    Code::DiskFull,
                    "not imported: the disk is full".into(),
                );
            }
            break;
        }
        on_file(FileImported::Started { path }, &report);
        let imported = catch_unwind(AssertUnwindSafe(|| library.import_file(path, now)));
        match imported {
            Ok(Ok(counts)) => {
                report.added += counts.added;
                report.duplicates += counts.duplicates;
                on_file(
                    FileImported::Stored {
                        path,
                        counts: &counts,
                    },
                    &report,
                );
            }
            Ok(Err(error)) => failed(
                &mut report,
                &mut on_file,
                path,
                error.code(),
                error.to_string(),
            ),
            Err(panic) => {
                let message = crate::ingest::guard::panic_message(panic.as_ref());
                tracing::error!(path = %path.display(), %message, "importing a file panicked");
                failed(
                    &mut report,
                    &mut on_file,
                    path,
                    Code::Internal,
                    format!("reading the file failed unexpectedly: {message}"),
                );
            }
        }
    }
    if let Err(error) = library.compact_after_import(report.added) {
        // The import itself has succeeded: queries stay right, only slower.
        tracing::warn!(%error, "compacting the search index after an import failed");
    }
    report
}

fn failed(
    report: &mut ImportReport,
    on_file: &mut impl FnMut(FileImported<'_>, &ImportReport),
    path: &Path,
    code: Code,
    message: String,
) {
    report.failed.push(FileFailure {
        path: path.to_owned(),
        code,
        message,
    });
    let report = &*report;
    if let Some(failure) = report.failed.last() {
        on_file(FileImported::Failed(failure), report);
    }
}
