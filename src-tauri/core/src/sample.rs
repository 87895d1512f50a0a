//! The sample library a new user reads at once, offline: two Persian news
//! stories scraped from a news site, an English article and a mixed
//! Persian/English one. The texts are compiled into the binary.

use crate::ingest::plain_text;
use crate::{Library, LibraryError, NewArticle, Timestamp};

struct SampleFile {
    name: &'static str,
    text: &'static str,
    /// Publication times of the file's stories, in order (Unix seconds).
    published_at: &'static [Timestamp],
}

const SAMPLE_FILES: &[SampleFile] = &[
    SampleFile {
        name: "scraped-news-fa",
        text: include_str!("../sample/scraped-news-fa.txt"),
        // 2021-12-31 06:30 and 2021-12-28 09:00 UTC (۱۰ and ۷ دی ۱۴۰۰).
        published_at: &[1_640_932_200, 1_640_682_000],
    },
    SampleFile {
        name: "fa-en-rust-desktop",
        text: include_str!("../sample/fa-en-rust-desktop.txt"),
        published_at: &[1_732_000_000], // 2024-11-19
    },
    SampleFile {
        name: "en-reading-offline",
        text: include_str!("../sample/en-reading-offline.txt"),
        published_at: &[1_731_500_000], // 2024-11-13
    },
];

const SAMPLE_IMPORTED_KEY: &str = "sample_imported";

/// Fills a new library with the sample articles, once in its life: a user who
/// deletes them does not get them back on the next start.
/// Returns how many articles were added.
pub fn import_once(library: &Library, now: Timestamp) -> Result<usize, LibraryError> {
    if library.library_setting(SAMPLE_IMPORTED_KEY)?.is_some() {
        return Ok(0);
    }
    let source_id = library.ensure_well_known(crate::articles::SAMPLE, now)?;
    let mut added = 0;
    for article in sample_articles() {
        if let crate::InsertOutcome::Added(_) = library.add_article(source_id, &article, now)? {
            added += 1;
        }
    }
    library.set_library_setting(SAMPLE_IMPORTED_KEY, "1")?;
    Ok(added)
}

/// The sample articles, parsed from the bundled texts.
pub fn sample_articles() -> Vec<NewArticle> {
    SAMPLE_FILES
        .iter()
        .flat_map(|file| {
            plain_text::parse(file.text)
                .into_iter()
                .enumerate()
                .map(|(index, story)| {
                    story.into_new_article(
                        format!("{}#{}", file.name, index + 1),
                        file.published_at.get(index).copied(),
                    )
                })
        })
        .collect()
}
