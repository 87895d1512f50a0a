//! `barg text fold|repair` and `barg date`: Persian text and calendar tools
//! that need no library.

use std::io::Read;

use barg_core::persian::{fold, jalali};
use serde_json::json;

use super::output::Output;
use super::{CliError, TextAction};

pub(super) fn text(out: &mut Output, action: TextAction) -> Result<(), CliError> {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .map_err(|e| CliError(e.to_string()))?;
    let output = match action {
        TextAction::Fold => input.lines().map(fold::fold).collect::<Vec<_>>().join("\n"),
        TextAction::Repair => barg_core::persian::repair_text(&input),
    };
    if out.json() {
        return out.line(&json!({ "text": output }).to_string());
    }
    out.raw(&output)?;
    if output.ends_with('\n') {
        Ok(())
    } else {
        out.line("")
    }
}

pub(super) fn date(
    out: &mut Output,
    to_jalali: Option<String>,
    to_gregorian: Option<String>,
) -> Result<(), CliError> {
    let (input, convert, label): (String, fn(_) -> _, _) = match (to_jalali, to_gregorian) {
        (Some(d), _) => (d, jalali::to_jalali, "jalali"),
        (None, Some(d)) => (d, jalali::to_gregorian, "gregorian"),
        (None, None) => return Err(CliError("--to-jalali or --to-gregorian".into())),
    };
    let date = jalali::parse_ymd(&input)
        .and_then(convert)
        .map_err(|e| CliError(e.to_string()))?;
    out.record(json!({ label: date.to_string() }), || date.to_string())
}
