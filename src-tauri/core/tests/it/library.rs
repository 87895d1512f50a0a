//! The library on a real SQLite file: sample import, bookmarks, reopening.

use barg_core::{sample, ArticleFilter, Library};

use crate::support::{sample_library as open_sample_library, NOW};

#[test]
fn the_scraped_text_becomes_two_persian_articles_without_boilerplate() {
    let articles = sample::sample_articles();
    let persian: Vec<_> = articles
        .iter()
        .filter(|a| a.guid.starts_with("scraped-news-fa"))
        .collect();
    assert_eq!(
        persian.len(),
        2,
        "the scraped page holds two stories run together"
    );
    assert!(
        persian[0].title.starts_with("رؤسای جمهور روسیه و آمریکا"),
        "the first line is the first story's title: {}",
        persian[0].title
    );
    assert!(
        persian[1]
            .title
            .starts_with("آندری کارتاپولوف: موافقت پوتین"),
        "the second story starts at its kicker: {}",
        persian[1].title
    );
    for article in &persian {
        assert!(
            !article.body_text.contains("دیدگاه تان را بنویسید"),
            "the comment-box line is not article text"
        );
        assert!(
            !article.body_html.contains("دیدگاه تان"),
            "nor is it in the HTML"
        );
    }
    assert!(
        persian[0].body_text.contains("پس از 50 دقیقه"),
        "ASCII digits stay ASCII"
    );
    assert!(
        persian[0].title.contains("۵۰ دقیقهای"),
        "Persian digits stay Persian, the lost half-space stays lost"
    );
    assert!(
        persian[0].body_text.contains("7 دسامبر (16 آذر ماه)"),
        "the text is stored exactly"
    );
    assert!(
        persian[1].body_text.ends_with("در منطقه است."),
        "the second story ends with its last sentence"
    );
}

#[test]
fn half_spaces_in_the_sample_survive_storage() {
    let dir = tempfile::tempdir().unwrap();
    let library = open_sample_library(&dir);
    let page = library.list_articles(&ArticleFilter::default()).unwrap();
    let mixed = page
        .iter()
        .find(|a| a.title.starts_with("Rust و Tauri"))
        .expect("the mixed article is listed");
    let article = library.article(mixed.id).unwrap();
    assert!(
        article.summary.title.contains("برنامه‌های"),
        "the half-space in the title is kept"
    );
    assert!(
        article.body_html.contains("می‌شوند"),
        "half-spaces in the body are kept: {}",
        article.body_html
    );
    assert_eq!(
        article.dir.as_str(),
        "rtl",
        "a Persian article that starts with a Latin word is still rtl"
    );
    assert_eq!(mixed.title_dir.as_str(), "rtl", "and so is its title");
}

#[test]
fn the_sample_is_listed_newest_first_with_sources_and_snippets() {
    let dir = tempfile::tempdir().unwrap();
    let library = open_sample_library(&dir);
    let page = library.list_articles(&ArticleFilter::default()).unwrap();
    assert_eq!(
        page.len(),
        4,
        "two Persian stories, one mixed and one English article: {page:#?}"
    );
    let dates: Vec<_> = page.iter().map(|a| a.published_at.unwrap()).collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {dates:?}"
    );
    let english = page
        .iter()
        .find(|a| a.title.starts_with("Reading the news"))
        .unwrap();
    assert_eq!(english.title_dir.as_str(), "ltr");
    assert!(
        english
            .snippet
            .starts_with("A reader that only works online"),
        "the snippet is the first line"
    );
    assert!(
        page.iter().all(|a| a.source_title == "برگ · Barg"),
        "every row names its source"
    );
}

#[test]
fn the_sample_is_imported_once_in_a_librarys_life() {
    let dir = tempfile::tempdir().unwrap();
    let library = open_sample_library(&dir);
    assert_eq!(
        sample::import_once(&library, NOW + 10).unwrap(),
        0,
        "a second start adds nothing"
    );
    assert_eq!(library.article_count().unwrap(), 4);
}

#[test]
fn bookmarks_are_added_listed_newest_first_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let library = open_sample_library(&dir);
    let page = library.list_articles(&ArticleFilter::default()).unwrap();
    let (older, newer) = (page[3].id, page[0].id);
    library.set_bookmark(older, true, NOW + 1).unwrap();
    library.set_bookmark(newer, true, NOW + 2).unwrap();
    library.set_bookmark(newer, true, NOW + 3).unwrap(); // twice keeps the first time
    let bookmarks = library
        .list_articles(&ArticleFilter {
            bookmarked_only: true,
            ..Default::default()
        })
        .unwrap();
    let ids: Vec<_> = bookmarks.iter().map(|a| a.id).collect();
    assert_eq!(ids, vec![newer, older], "newest bookmark first");
    assert_eq!(
        bookmarks[0].bookmarked_at,
        Some(NOW + 2),
        "bookmarking twice keeps the first time"
    );

    library.set_bookmark(newer, false, NOW + 4).unwrap();
    let bookmarks = library
        .list_articles(&ArticleFilter {
            bookmarked_only: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        bookmarks.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![older],
        "a removed bookmark is gone"
    );
    let all = library.list_articles(&ArticleFilter::default()).unwrap();
    assert_eq!(
        all.len(),
        4,
        "removing a bookmark never removes the article"
    );
}

#[test]
fn bookmarking_a_missing_article_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let library = open_sample_library(&dir);
    let err = library.set_bookmark(999_999, true, NOW).unwrap_err();
    assert!(
        matches!(err, barg_core::LibraryError::ArticleNotFound(999_999)),
        "got {err:?}"
    );
    assert!(matches!(
        library.article(999_999),
        Err(barg_core::LibraryError::ArticleNotFound(_))
    ));
}

#[test]
fn articles_and_bookmarks_survive_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let bookmarked = {
        let library = open_sample_library(&dir);
        let id = library.list_articles(&ArticleFilter::default()).unwrap()[1].id;
        library.set_bookmark(id, true, NOW).unwrap();
        id
    };
    let library = Library::open(&dir.path().join("library.sqlite")).expect("the library reopens");
    assert_eq!(
        library.article_count().unwrap(),
        4,
        "every article is still there"
    );
    let bookmarks = library
        .list_articles(&ArticleFilter {
            bookmarked_only: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        bookmarks.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![bookmarked],
        "the bookmark survived"
    );
}

#[test]
fn reads_do_not_wait_for_an_open_write_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let library = open_sample_library(&dir);
    let id = library.list_articles(&ArticleFilter::default()).unwrap()[0].id;
    library.set_bookmark(id, true, NOW).unwrap();
    // Another writer holds the strongest lock there is, as a long sync
    // would, with an uncommitted change. In rollback-journal mode this lock
    // shuts every reader out (SQLITE_BUSY after the busy timeout); in WAL
    // mode reads go on and see the last committed state.
    let blocker = rusqlite::Connection::open(library.path()).unwrap();
    blocker
        .execute_batch("BEGIN EXCLUSIVE; DELETE FROM bookmarks;")
        .unwrap();
    let bookmarks = library
        .list_articles(&ArticleFilter {
            bookmarked_only: true,
            ..Default::default()
        })
        .expect("reads go on during a write");
    assert_eq!(
        bookmarks.len(),
        1,
        "the read sees the committed bookmark, not the uncommitted delete"
    );
    blocker.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn read_state_filters_the_unread_list_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let library = open_sample_library(&dir);
    let all = library.list_articles(&ArticleFilter::default()).unwrap();
    assert!(
        all.iter().all(|a| !a.read),
        "a new library has nothing read"
    );
    let opened = all[1].id;
    library.set_read(opened, true, NOW + 60).unwrap();

    let unread = library
        .list_articles(&ArticleFilter {
            unread_only: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        unread.len(),
        all.len() - 1,
        "the read article leaves the Unread list"
    );
    assert!(unread.iter().all(|a| a.id != opened), "and only that one");
    let source = &library.sources().unwrap()[0];
    assert_eq!(
        source.unread_count,
        source.article_count - 1,
        "the source's unread count drops by one"
    );

    drop(library);
    let library = Library::open(&dir.path().join("library.sqlite")).unwrap();
    let again = library.list_articles(&ArticleFilter::default()).unwrap();
    assert!(
        again.iter().find(|a| a.id == opened).unwrap().read,
        "read state is kept in the library file"
    );
    library.set_read(opened, false, NOW + 120).unwrap();
    let unread = library
        .list_articles(&ArticleFilter {
            unread_only: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(unread.len(), all.len(), "marking unread brings it back");
    assert!(
        library.set_read(9_999, true, NOW).is_err(),
        "a missing article is an error, not a silent no-op"
    );
}

#[test]
fn the_source_filter_lists_only_that_sources_articles() {
    let dir = tempfile::tempdir().unwrap();
    let library = open_sample_library(&dir);
    let source = library.sources().unwrap()[0].id;
    let page = library
        .list_articles(&ArticleFilter {
            source_id: Some(source),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.len(), 4, "the sample source has all four articles");
    let none = library
        .list_articles(&ArticleFilter {
            source_id: Some(source + 1000),
            ..Default::default()
        })
        .unwrap();
    assert!(none.is_empty(), "a source without articles lists nothing");
}

#[test]
fn the_reading_position_is_remembered_and_clamped() {
    let dir = tempfile::tempdir().unwrap();
    let library = open_sample_library(&dir);
    let id = library.list_articles(&ArticleFilter::default()).unwrap()[0].id;
    assert_eq!(
        library.article(id).unwrap().reading_position,
        0.0,
        "a new article starts at the top"
    );
    library.set_reading_position(id, 0.42).unwrap();
    assert!(
        (library.article(id).unwrap().reading_position - 0.42).abs() < 1e-9,
        "the position comes back as saved"
    );
    library.set_reading_position(id, 7.0).unwrap();
    assert_eq!(
        library.article(id).unwrap().reading_position,
        1.0,
        "past the end is the end"
    );
    library.set_reading_position(id, f64::NAN).unwrap();
    assert_eq!(
        library.article(id).unwrap().reading_position,
        0.0,
        "nonsense is the top"
    );
    assert!(
        library.article(id).unwrap().reading_minutes() >= 1,
        "every article takes at least a minute"
    );
}
