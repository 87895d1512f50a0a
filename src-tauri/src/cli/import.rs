//! `barg import FILE…`

use std::path::PathBuf;

use barg_core::ops::{self, FileImported};
use fluent_bundle::FluentArgs;
use serde_json::json;

use super::output::Output;
use super::CliError;
use crate::ipc::ErrorCode;
use crate::now;
use barg_core::ops::DataFolder;

pub(super) fn import(
    folder: &DataFolder,
    out: &mut Output,
    paths: &[PathBuf],
) -> Result<(), CliError> {
    let library = out.opened_library(folder)?;
    let mut printed = Ok(());
    let report = ops::import_files(&library, paths, now(), |file, _| {
        let line = match file {
            FileImported::Started { .. } => return,
            FileImported::Stored { path, counts } => {
                if !out.json() {
                    return;
                }
                json!({ "path": path, "added": counts.added, "duplicates": counts.duplicates })
                    .to_string()
            }
            FileImported::Failed(failure) => {
                let code = ErrorCode::from(failure.code);
                let reason = out.reason(code, &failure.message);
                if out.json() {
                    json!({ "path": failure.path, "failed": code, "reason": reason }).to_string()
                } else {
                    format!("{}: {reason}", failure.path.display())
                }
            }
        };
        if printed.is_ok() {
            printed = out.line(&line);
        }
    });
    printed?;
    let failed = report.failed.len();
    let mut args = FluentArgs::new();
    args.set("added", report.added);
    args.set("duplicates", report.duplicates);
    args.set("failed", failed);
    let summary = out.message("cli-import-summary", Some(&args));
    out.record(
        json!({ "added": report.added, "duplicates": report.duplicates, "failed": failed }),
        || summary,
    )?;
    // Exit 1 whenever a file failed: a script tells "all imported" (0)
    // from "some failed" and "nothing imported" (1, with the counts above).
    match failed {
        0 => Ok(()),
        _ if report.added + report.duplicates == 0 => {
            Err(CliError(out.message("cli-import-nothing", None)))
        }
        _ => Err(CliError(out.message("cli-import-some-failed", Some(&args)))),
    }
}
