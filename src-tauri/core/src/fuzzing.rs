//! Entry points for the fuzz targets in `fuzz/` (cargo-fuzz) and for the
//! test that replays their saved corpora (`tests/it/fuzz_corpus.rs`, part of
//! `make test`). Each takes arbitrary bytes and must neither panic nor hang.
//!
//! A panic that Barg's parser guard (`ingest::guard`) catches is handled,
//! not a crash: the guard keeps libFuzzer's panic hook (which aborts) silent
//! for it, so only a panic that escapes Barg reaches the fuzzer.

/// Feed bytes: decode (gzip, encodings) and parse.
pub fn feed(bytes: &[u8]) {
    if let Ok(bytes) = crate::ingest::decode::gunzip_with_limit(bytes.to_vec(), 1 << 20) {
        let text = crate::ingest::decode::decode(&bytes).text;
        let _ = crate::ingest::feed::parse(&text, Some("http://example.com/feed"));
    }
}

/// A web page: extraction, sanitizing, text.
pub fn html(bytes: &[u8]) {
    let text = crate::ingest::decode::decode(bytes).text;
    let _ = crate::ingest::html::extract(&text, Some("http://example.com/a"));
    let clean = crate::ingest::sanitize::sanitize_html(&text, None);
    let _ = crate::ingest::sanitize::html_to_text(&clean);
    let _ = crate::feeds::discover::feed_links(&text, &url_base());
    let _ = crate::feeds::images::point_images_at_cache(
        &clean,
        "barg-image://localhost/",
        &std::collections::HashSet::new(),
    );
}

/// Persian text: folding and repair (repair must not change letters).
pub fn text(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let _ = crate::persian::fold::fold(&text);
    let repaired = crate::persian::repair::repair(&text);
    let letters = |s: &str| -> String { s.chars().filter(|c| c.is_alphabetic()).collect() };
    assert_eq!(letters(&repaired), letters(&text), "repair changed letters");
    let _ = crate::persian::repair_html(&format!("<p>{text}</p>"));
}

/// What a user types into the search box.
pub fn query(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for term in crate::search::parse_query(&text) {
        if let crate::search::Term::Word { text, .. } = term {
            assert!(!text.is_empty(), "an empty term");
        }
    }
}

/// An OPML file.
pub fn opml(bytes: &[u8]) {
    let _ = crate::feeds::opml::parse(&String::from_utf8_lossy(bytes));
}

/// A date element of a feed.
pub fn date(bytes: &[u8]) {
    let _ = crate::ingest::feed::jalali_to_rfc2822(&String::from_utf8_lossy(bytes));
}

fn url_base() -> url::Url {
    url::Url::parse("http://example.com/").unwrap_or_else(|_| unreachable!("a valid address"))
}

/// A fuzz target: it takes any bytes and must not panic.
pub type Target = fn(&[u8]);

/// Every target, by the name of its folder under `fuzz/corpus/`.
pub const TARGETS: &[(&str, Target)] = &[
    ("feed", feed),
    ("html", html),
    ("text", text),
    ("query", query),
    ("opml", opml),
    ("date", date),
];
