//! Import and export on real files: every real feed and page in
//! `tests/fixtures` (see its SOURCES.md), the scraped sample, hostile input,
//! and an export that imports back into an empty library unchanged.

use std::path::Path;

use barg_core::export::{export, ExportFormat};
use barg_core::ingest::IngestError;
use barg_core::{sample, ArticleFilter, Library, SearchQuery};

use crate::support::{files_under, fixtures, new_library, NOW};

/// Items as the raw file counts them (`<item`, `<entry`, JSON Feed items).
fn raw_item_count(path: &Path) -> usize {
    let bytes = std::fs::read(path).unwrap();
    let bytes = barg_core::ingest::decode::gunzip_if_needed(bytes).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    if path.extension().is_some_and(|e| e == "json") {
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        return value["items"].as_array().map_or(0, Vec::len);
    }
    text.matches("<item>").count()
        + text.matches("<item ").count()
        + text.matches("<entry>").count()
        + text.matches("<entry ").count()
}

/// Feeds whose raw count differs from their real items: (file, items, why).
const COUNT_EXCEPTIONS: &[(&str, usize, &str)] = &[
    (
        "no_encoding_ISO-8859-1.xml",
        9,
        "one item has no title, no link and no text: there is nothing to keep",
    ),
    (
        "illegally-nested.xml",
        10,
        "each of the 10 items holds a junk nested `<item />`, which is not an item",
    ),
];

#[test]
fn every_real_feed_imports_with_every_item_and_no_duplicates_on_a_second_import() {
    let dir = tempfile::tempdir().unwrap();
    let library = new_library(&dir);
    let feeds = files_under(&fixtures().join("feeds"));
    assert!(feeds.len() >= 19, "all the real feeds are here");
    for feed in &feeds {
        let name = feed.file_name().unwrap().to_string_lossy().to_string();
        let counts = library
            .import_file(feed, NOW)
            .unwrap_or_else(|e| panic!("{name} must import: {e}"));
        let stored = (counts.added + counts.duplicates) as usize;
        match COUNT_EXCEPTIONS.iter().find(|(n, _, _)| *n == name) {
            Some((_, expected, why)) => assert_eq!(stored, *expected, "{name}: {why}"),
            None => assert_eq!(
                stored,
                raw_item_count(feed),
                "{name}: every item is stored or recognised as a duplicate"
            ),
        }
        let again = library.import_file(feed, NOW + 60).unwrap();
        assert_eq!(again.added, 0, "{name}: a second import adds nothing");
    }
}

#[test]
fn legacy_encodings_and_persian_feeds_read_right() {
    let dir = tempfile::tempdir().unwrap();
    let library = new_library(&dir);
    let cases: &[(&str, &str)] = &[
        (
            "feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml",
            "وبلاگ",
        ),
        (
            "feeds/tricky/miniflux__v2/internal/reader/parser/testdata/encoding_WINDOWS-1251.xml",
            "Д",
        ),
        (
            "feeds/rtl-other/kurtmckee__feedparser/tests/illformed/chardet/windows1255.xml",
            "ש",
        ),
        (
            "feeds/tricky/danmactough__node-feedparser/test/feeds/invalid-characters-gzipped.xml",
            "",
        ),
    ];
    for (file, letters) in cases {
        let counts = library.import_file(&fixtures().join(file), NOW).unwrap();
        assert!(counts.added > 0, "{file} has articles");
        let page = library
            .list_articles(&ArticleFilter {
                limit: 500,
                ..Default::default()
            })
            .unwrap();
        let text: String = page
            .iter()
            .map(|a| format!("{} {}", a.title, a.snippet))
            .collect();
        assert!(
            text.contains(letters),
            "{file}: its script reads right after decoding"
        );
        assert!(
            !text.contains("Ð") && !text.contains("Ø§"),
            "{file}: no mojibake"
        );
    }
}

#[test]
fn persian_news_pages_extract_title_text_and_half_spaces() {
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            fixtures().join("html/persian-news-pages/api/fixtures/expected.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let library = new_library(&dir);
    let mut checked = 0;
    for case in expected["cases"].as_array().unwrap() {
        // One upstream case fetched its page live and has no fixture.
        let Some(fixture) = case["fixture"].as_str() else {
            continue;
        };
        let path = fixtures()
            .join("html/persian-news-pages/api/fixtures")
            .join(fixture);
        let counts = library
            .import_file(&path, NOW)
            .unwrap_or_else(|e| panic!("{} imports: {e}", path.display()));
        assert_eq!(counts.added, 1, "{}: one article", path.display());
        let page = library.list_articles(&ArticleFilter::default()).unwrap();
        let id = page.iter().max_by_key(|a| a.id).unwrap().id;
        let article = library.article(id).unwrap();
        let first_words: Vec<&str> = case["content_first_words"]
            .as_str()
            .unwrap()
            .split_whitespace()
            .take(6)
            .collect();
        let body_words: Vec<&str> = article.body_text.split_whitespace().collect();
        assert!(
            body_words
                .windows(first_words.len())
                .any(|w| w == first_words.as_slice()),
            "{}: the article's opening words «{}» are in the text",
            path.display(),
            first_words.join(" ")
        );
        assert_eq!(
            article.dir.as_str(),
            "rtl",
            "{}: a Persian page reads right to left",
            path.display()
        );
        assert_eq!(
            article.summary.title,
            case["title"].as_str().unwrap(),
            "{}: the article's own title",
            path.display()
        );
        if case["content_first_words"]
            .as_str()
            .unwrap()
            .contains('\u{200C}')
        {
            assert!(
                article.body_text.contains('\u{200C}'),
                "{}: half-spaces survive extraction",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 4, "every expected page was checked");
}

#[test]
fn every_real_page_imports_or_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let library = new_library(&dir);
    let pages = files_under(&fixtures().join("html"));
    let mut imported = 0;
    for page in pages
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        match library.import_file(page, NOW) {
            Ok(counts) => imported += counts.added + counts.duplicates,
            Err(IngestError::Malformed(_)) => {} // e.g. a page with no article text
            Err(e) => panic!("{}: unexpected error {e}", page.display()),
        }
    }
    assert!(
        imported >= 9,
        "most real pages give an article (got {imported})"
    );
}

#[test]
fn the_scraped_text_imports_as_two_stories_once() {
    let dir = tempfile::tempdir().unwrap();
    let library = new_library(&dir);
    let path = fixtures().join("scraped-news-fa.txt");
    let counts = library.import_file(&path, NOW).unwrap();
    assert_eq!((counts.added, counts.duplicates), (2, 0), "two stories");
    let again = library.import_file(&path, NOW + 1).unwrap();
    assert_eq!(
        (again.added, again.duplicates),
        (0, 2),
        "the same file again adds nothing"
    );
    let hits = library
        .search(&SearchQuery {
            text: "تاجیکستان".into(),
            limit: 5,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.hits.len(), 1, "imported text is searchable at once");
}

#[test]
fn bad_files_give_clear_errors_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let library = new_library(&dir);
    sample::import_once(&library, NOW).unwrap();
    let files = tempfile::tempdir().unwrap();
    let binary = files.path().join("photo.jpg");
    std::fs::write(
        &binary,
        [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0, 0, 1, 2, 3],
    )
    .unwrap();
    assert!(matches!(
        library.import_file(&binary, NOW),
        Err(IngestError::UnsupportedFormat)
    ));
    let broken = files.path().join("broken.xml");
    std::fs::write(&broken, "<rss version=\"2.0\"><channel><item><title>نیمه").unwrap();
    assert!(
        library.import_file(&broken, NOW).is_err(),
        "a truncated feed is an error"
    );
    let missing = files.path().join("missing.txt");
    assert!(matches!(
        library.import_file(&missing, NOW),
        Err(IngestError::Io(_))
    ));
    assert_eq!(
        library.article_count().unwrap(),
        4,
        "the library is unchanged"
    );
}

#[test]
fn an_export_imports_into_an_empty_library_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let library = new_library(&dir);
    sample::import_once(&library, NOW).unwrap();
    library
        .import_file(
            &fixtures().join("feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml"),
            NOW,
        )
        .unwrap();
    let page = library
        .list_articles(&ArticleFilter {
            limit: 500,
            ..Default::default()
        })
        .unwrap();
    library.set_bookmark(page[0].id, true, NOW + 5).unwrap();
    library.set_bookmark(page[3].id, true, NOW + 9).unwrap();

    let mut file = Vec::new();
    let counts = export(&library, ExportFormat::Json, false, &mut file, NOW).unwrap();
    assert_eq!(
        (counts.articles as usize, counts.bookmarks),
        (page.len(), 2)
    );
    let export_path = dir.path().join("export.jsonl");
    std::fs::write(&export_path, &file).unwrap();

    let other = tempfile::tempdir().unwrap();
    let restored = new_library(&other);
    let imported = restored.import_file(&export_path, NOW + 100).unwrap();
    assert_eq!(
        imported.added as usize,
        page.len(),
        "every article comes back"
    );

    let summary = |l: &Library, bookmarked_only| {
        let mut rows: Vec<_> = l
            .list_articles(&ArticleFilter {
                bookmarked_only,
                limit: 500,
                offset: 0,
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|a| {
                let full = l.article(a.id).unwrap();
                (
                    a.title,
                    a.source_title,
                    a.published_at,
                    a.fetched_at,
                    a.bookmarked_at,
                    full.body_html,
                    full.url,
                )
            })
            .collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        rows
    };
    assert_eq!(
        summary(&restored, false),
        summary(&library, false),
        "the same articles, sources and times"
    );
    assert_eq!(
        summary(&restored, true),
        summary(&library, true),
        "the same bookmarks, with their times"
    );

    let again = restored.import_file(&export_path, NOW + 200).unwrap();
    assert_eq!(again.added, 0, "importing the export twice adds nothing");
}

#[test]
fn bookmarks_export_as_browser_html_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let library = new_library(&dir);
    library
        .import_file(
            &fixtures().join("feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml"),
            NOW,
        )
        .unwrap();
    let page = library.list_articles(&ArticleFilter::default()).unwrap();
    library.set_bookmark(page[0].id, true, NOW).unwrap();
    let url = library
        .article(page[0].id)
        .unwrap()
        .url
        .expect("feed items have links");

    let mut html = Vec::new();
    export(&library, ExportFormat::Html, true, &mut html, NOW).unwrap();
    let html = String::from_utf8(html).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE NETSCAPE-Bookmark-file-1>"),
        "browsers recognise the file"
    );
    assert_eq!(
        html.matches("<DT><A HREF=").count(),
        1,
        "one bookmark: {html}"
    );
    assert!(
        html.contains(&format!("HREF=\"{}\"", url.replace('&', "&amp;"))),
        "{html}"
    );

    let mut md = Vec::new();
    export(&library, ExportFormat::Markdown, true, &mut md, NOW).unwrap();
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains(&format!("(<{url}>)")), "{md}");
}
