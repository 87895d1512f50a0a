//! Search on a real library file: every spelling finds the others, filters
//! narrow, ranking prefers titles, and no input can raise an error.

use barg_core::{sample, ArticleFilter, Library, NewArticle, SearchQuery, SourceKind};

use crate::support::{new_library, sample_library, NOW};

fn titles(library: &Library, text: &str) -> Vec<String> {
    let query = SearchQuery {
        text: text.into(),
        limit: 50,
        ..Default::default()
    };
    library
        .search(&query)
        .unwrap_or_else(|e| panic!("«{text}» fails: {e}"))
        .hits
        .into_iter()
        .map(|h| h.article.title)
        .collect()
}

/// A Persian article dated `NOW` with this text.
fn article(guid: &str, title: &str, body: &str) -> NewArticle {
    NewArticle {
        guid: guid.into(),
        url: None,
        title: title.into(),
        author: None,
        published_at: Some(NOW),
        language: Some("fa".into()),
        body_html: String::new(),
        body_text: body.into(),
    }
}

/// A new, empty library with one source for the test's articles.
fn library_with_a_source(dir: &tempfile::TempDir) -> (Library, i64) {
    let library = new_library(dir);
    let source = library
        .ensure_source(SourceKind::File, "files", "file:test", NOW)
        .unwrap();
    (library, source)
}

const FIRST: &str = "رؤسای جمهور روسیه و آمریکا";
const SECOND: &str = "آندری کارتاپولوف";
const MIXED: &str = "Rust و Tauri";

/// Each row: a query, the articles (by title start) it must find, and why.
const CASES: &[(&str, &[&str], &str)] = &[
    (
        "میکند",
        &[SECOND, MIXED],
        "joined form finds half-spaced می‌کند and joined میکند",
    ),
    ("می‌کند", &[SECOND, MIXED], "half-spaced form"),
    ("می کند", &[SECOND, MIXED], "spaced form"),
    ("رئیسجمهور", &[FIRST, SECOND, MIXED], "compound, joined"),
    ("رئیس جمهور", &[FIRST, SECOND, MIXED], "compound, spaced"),
    (
        "رييس‌جمهور",
        &[FIRST, SECOND, MIXED],
        "compound with Arabic yeh and half-space",
    ),
    (
        "تنش‌ها",
        &[FIRST],
        "plural, half-spaced, finds the joined تنشها",
    ),
    ("كرملين", &[FIRST], "Arabic kaf and yeh"),
    ("۵۰", &[FIRST], "Persian digits find ASCII 50 (and ۵۰)"),
    ("50", &[FIRST], "ASCII digits"),
    ("\"تحمیل تحریمها\"", &[FIRST], "a phrase"),
    ("\"تحریمها تحمیل\"", &[], "a phrase in the wrong order"),
    ("تاجیک*", &[SECOND], "a prefix"),
    ("پوتین تاجیکستان", &[SECOND], "two words: both must match"),
    ("network", &["Reading the news"], "English"),
    ("NETWORK", &["Reading the news"], "case"),
    (
        "برگ",
        &[FIRST, SECOND, MIXED, "Reading the news"],
        "the source name is searched",
    ),
    (
        "گفت و گو",
        &[FIRST, "Reading the news"],
        "گفت و گو, گفت‌وگو and گفتوگو are one word",
    ),
];

#[test]
fn every_spelling_finds_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let library = sample_library(&dir);
    for (query, expected, why) in CASES {
        let found = titles(&library, query);
        for title in *expected {
            assert!(
                found.iter().any(|t| t.starts_with(title)),
                "{why}: «{query}» must find «{title}…», found {found:?}"
            );
        }
        assert_eq!(
            found.len(),
            expected.len(),
            "{why}: «{query}» finds only what it should: {found:?}"
        );
    }
}

#[test]
fn no_input_raises_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let library = sample_library(&dir);
    let hostile = [
        "",
        " ",
        "\"",
        "\"\"",
        "*",
        "**",
        "a*b",
        "-",
        "NOT",
        "AND OR NOT",
        "(",
        ")",
        "a OR",
        "NEAR(a b)",
        "title:رئیس",
        "'; DROP TABLE articles; --",
        "\u{0}",
        "\u{200C}",
        "^a",
        "{a b}",
        "a + b",
        "\"unclosed",
        "ـــ",
        "ً",
        "٪",
        &"x".repeat(10_000),
        &"رئیس ".repeat(500),
    ];
    for query in hostile {
        let result = library.search(&SearchQuery {
            text: query.into(),
            limit: 10,
            ..Default::default()
        });
        assert!(
            result.is_ok(),
            "«{}» must not fail: {result:?}",
            query.chars().take(40).collect::<String>()
        );
    }
    assert_eq!(library.article_count().unwrap(), 4, "and nothing changed");
}

#[test]
fn snippets_show_the_original_text_with_the_hits_marked() {
    let dir = tempfile::tempdir().unwrap();
    let library = sample_library(&dir);
    let result = library
        .search(&SearchQuery {
            text: "رييس جمهور".into(),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    let mixed = result
        .hits
        .iter()
        .find(|h| h.article.title.starts_with(MIXED))
        .expect("the mixed article is a hit");
    let snippet: String = mixed
        .snippet_parts
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    let marked: Vec<&str> = mixed
        .snippet_parts
        .iter()
        .filter(|p| p.hit)
        .map(|p| p.text.as_str())
        .collect();
    assert!(
        marked.contains(&"رئیس‌جمهور"),
        "the original spelling, half-space and all, is marked: {marked:?}"
    );
    assert!(
        marked.contains(&"رئیس جمهور"),
        "and the spaced one: {marked:?}"
    );
    assert!(!snippet.contains('\n'), "a snippet is one line");
    assert_eq!(result.total, 3);
}

#[test]
fn titles_rank_above_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let (library, source) = library_with_a_source(&dir);
    let add = |guid: &str, title: &str, body: &str| {
        library
            .add_article(source, &article(guid, title, body), NOW)
            .unwrap();
    };
    add(
        "a",
        "خبر روز",
        "گزارشی درباره زعفران و بازار آن در این هفته",
    );
    add("b", "زعفران ایران", "گزارشی درباره بازار در این هفته");
    assert_eq!(
        titles(&library, "زعفران"),
        ["زعفران ایران", "خبر روز"],
        "a title hit ranks first"
    );
}

#[test]
fn filters_narrow_the_hits() {
    let dir = tempfile::tempdir().unwrap();
    let library = sample_library(&dir);
    let all = library.list_articles(&ArticleFilter::default()).unwrap();
    let first = all.iter().find(|a| a.title.starts_with(FIRST)).unwrap();
    library.set_bookmark(first.id, true, NOW).unwrap();

    let query = |q: SearchQuery| {
        library
            .search(&SearchQuery {
                text: "رئیس جمهور".into(),
                limit: 10,
                ..q
            })
            .unwrap()
    };
    let bookmarked = query(SearchQuery {
        bookmarked_only: true,
        ..Default::default()
    });
    assert_eq!(bookmarked.hits.len(), 1, "only the bookmarked hit");
    assert_eq!(bookmarked.hits[0].article.id, first.id);

    // 2021-12-30 00:00 UTC to 2022-01-01: only the first story (dated 2021-12-31).
    let dated = query(SearchQuery {
        from: Some(1_640_822_400),
        to: Some(1_640_995_200),
        ..Default::default()
    });
    assert_eq!(
        dated.hits.iter().map(|h| h.article.id).collect::<Vec<_>>(),
        vec![first.id],
        "the date range applies"
    );

    let other_source = query(SearchQuery {
        source_id: Some(999),
        ..Default::default()
    });
    assert!(
        other_source.hits.is_empty(),
        "a source filter excludes other sources"
    );
    let unread = query(SearchQuery {
        unread_only: true,
        ..Default::default()
    });
    assert_eq!(unread.hits.len(), 3, "nothing is read yet");
}

#[test]
fn prefixes_find_the_words_of_every_import_however_many_words_share_them() {
    let dir = tempfile::tempdir().unwrap();
    let (library, source) = library_with_a_source(&dir);
    // Two imports: the second one's words must reach the term dictionary
    // beside the first one's, or the prefix would expand to `کتابخانه` only.
    library
        .add_article(source, &article("1", "کتابخانه", "در کتابخانه"), NOW)
        .unwrap();
    library
        .add_article(source, &article("2", "کتاب‌ها", "این کتاب‌ها"), NOW)
        .unwrap();
    let mut found = titles(&library, "كتاب*");
    found.sort();
    assert_eq!(
        found,
        ["کتابخانه", "کتاب‌ها"],
        "one prefix, words from both imports"
    );

    // Thousands of words with one prefix: past what a query expands to.
    let many: Vec<String> = (0..5000).map(|n| format!("کتاب{n}")).collect();
    library
        .add_article(source, &article("3", "فهرست", &many.join(" ")), NOW)
        .unwrap();
    let mut found = titles(&library, "کتاب*");
    found.sort();
    assert_eq!(
        found,
        ["فهرست", "کتابخانه", "کتاب‌ها"],
        "a prefix that thousands of words share still finds every article"
    );
    assert!(
        titles(&library, "قلم*").is_empty() && titles(&library, "کتاب* قلم*").is_empty(),
        "a prefix of no word finds nothing"
    );
}

#[test]
fn compacting_the_index_merges_its_segments_and_keeps_every_hit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    let library = Library::open(&path).unwrap();
    sample::import_once(&library, NOW).unwrap();
    let source = library
        .ensure_source(SourceKind::File, "پرونده", "file:segments", NOW)
        .unwrap();
    // Each write transaction leaves a segment; FTS5 merges some on its own.
    for n in 0..40 {
        let report = article(
            &n.to_string(),
            &format!("گزارش شماره {n}"),
            &format!("کتابخانه‌ها و کتاب‌ها در گزارش {n} آمده‌اند"),
        );
        library.add_article(source, &report, NOW).unwrap();
    }
    let segments = || -> i64 {
        rusqlite::Connection::open(&path)
            .unwrap()
            .query_row(
                "SELECT count(DISTINCT segid) FROM article_search_idx",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    let queries = [
        "کتاب*",
        "گزارش",
        "\"کتابخانهها و\"",
        "رئیس جمهور",
        "network",
    ];
    let before: Vec<Vec<String>> = queries.iter().map(|q| titles(&library, q)).collect();
    assert!(segments() > 1, "the writes left several segments");

    assert_eq!(
        library
            .compact_after_import(barg_core::store::compact::COMPACT_AFTER - 1)
            .unwrap(),
        0,
        "a small import leaves the index to FTS5's own merging"
    );
    assert!(segments() > 1, "nothing was merged");
    let steps = library
        .compact_after_import(barg_core::store::compact::COMPACT_AFTER)
        .unwrap();
    assert!(steps >= 1, "a large import compacts the index");
    assert_eq!(segments(), 1, "one segment is left");
    let after: Vec<Vec<String>> = queries.iter().map(|q| titles(&library, q)).collect();
    assert_eq!(
        after, before,
        "every query finds the same articles, in the same order"
    );
    let found: Vec<usize> = before.iter().map(Vec::len).collect();
    assert!(
        found[..3].iter().all(|&n| n >= 40),
        "the queries do find things: {found:?}"
    );
    assert_eq!(
        library.compact_search_index().unwrap(),
        0,
        "a compact index needs no more work"
    );
}

#[test]
fn a_prefix_after_a_separator_is_a_word_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let (library, source) = library_with_a_source(&dir);
    library
        .add_article(
            source,
            &article("1", "گزارش", "نشست ۱۴۰۳/۰۵/۱۲ برگزار شد"),
            NOW,
        )
        .unwrap();
    assert_eq!(
        titles(&library, "1403/05*"),
        ["گزارش"],
        "a date typed with its slashes, the rest to come (folding puts spaces around the slashes, so `05*` is a word of the dictionary)"
    );
}

#[test]
fn a_suffix_alone_finds_the_words_that_end_with_it_joined_or_apart() {
    let dir = tempfile::tempdir().unwrap();
    let (library, source) = library_with_a_source(&dir);
    for (guid, title, body) in [
        ("1", "نیم‌فاصله", "کتاب‌های تازه رسید"),
        ("2", "فاصله", "کتاب های قدیمی ماند"),
        ("3", "چسبیده", "کتابهای دیگر"),
        ("4", "خط تیره نرم", "دفتر\u{AD}های کهنه"),
        ("5", "بی‌پسوند", "یک کتاب و یک دفتر"),
    ] {
        library
            .add_article(source, &article(guid, title, body), NOW)
            .unwrap();
    }
    let mut found = titles(&library, "های");
    found.sort();
    let mut want = vec!["نیم‌فاصله", "فاصله", "چسبیده", "خط تیره نرم"];
    want.sort();
    assert_eq!(
        found, want,
        "«های» alone finds the plural half-spaced, spaced, joined and with a soft hyphen, not the text without it"
    );
    let hits = library
        .search(&SearchQuery {
            text: "های".into(),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    let joined = hits
        .hits
        .iter()
        .find(|h| h.article.title == "چسبیده")
        .expect("the joined plural is a hit");
    let marked: Vec<&str> = joined
        .snippet_parts
        .iter()
        .filter(|p| p.hit)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        marked,
        ["کتابهای"],
        "the word that ends with the suffix is marked"
    );
}
