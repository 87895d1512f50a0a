//! `barg search QUERY`

use barg_core::ops::DataFolder;
use barg_core::persian::jalali;
use barg_core::search::{CANDIDATES, TITLE_CANDIDATES, TOTAL_CAP};
use barg_core::SearchQuery;
use fluent_bundle::FluentArgs;
use serde_json::json;

use super::output::Output;
use super::{CliError, SearchArgs};

/// Seconds in a day, and the last second of one.
const DAY: i64 = 86_400;

pub(super) fn search(
    folder: &DataFolder,
    out: &mut Output,
    args: SearchArgs,
) -> Result<(), CliError> {
    let library = out.opened_library(folder)?;
    let query = SearchQuery {
        text: args.query,
        limit: args.limit,
        offset: 0,
        source_id: args.source,
        bookmarked_only: args.bookmarked,
        unread_only: args.unread,
        from: args
            .from
            .as_deref()
            .map(|d| day_start(d, false))
            .transpose()?,
        to: args.to.as_deref().map(|d| day_start(d, true)).transpose()?,
    };
    let result = library.search(&query).map_err(|e| out.error(e))?;
    let shown = result.hits.len() as u32;
    for hit in result.hits {
        let plain: String = hit.snippet_parts.iter().map(|p| p.text.as_str()).collect();
        let (id, title, score) = (hit.article.id, hit.article.title.clone(), hit.score);
        // The text output shows Persian repaired, as the window does.
        let hit = match out.repair() {
            true => hit.repaired(),
            false => hit,
        };
        let marked: String = hit
            .snippet_parts
            .iter()
            .map(|p| {
                if p.hit {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect();
        out.record(
            json!({ "id": id, "title": title, "snippet": plain, "score": score }),
            || {
                format!(
                    "{:>6}  {}\n        {marked}",
                    hit.article.id, hit.article.title
                )
            },
        )?;
    }
    // Fewer than asked while more match: said, never silent.
    if shown < query.limit && shown < result.total {
        let mut args = FluentArgs::new();
        args.set("shown", shown);
        let total = if result.total >= TOTAL_CAP {
            format!("{}+", result.total)
        } else {
            result.total.to_string()
        };
        args.set("total", total);
        args.set("ranked", CANDIDATES + TITLE_CANDIDATES);
        out.note(&out.message("cli-search-fewer", Some(&args)));
    }
    Ok(())
}

/// The first (or, with `end_of_day`, the last) second of a Gregorian day.
fn day_start(text: &str, end_of_day: bool) -> Result<i64, CliError> {
    let date = jalali::parse_ymd(text).map_err(|e| CliError(e.to_string()))?;
    jalali::to_jalali(date).map_err(|e| CliError(e.to_string()))?; // validates the day
    Ok(date.gregorian_unix_days() * DAY + if end_of_day { DAY - 1 } else { 0 })
}
