//! Migrations from every earlier schema, the snapshot before them, and the
//! library's connections.

use super::*;

#[test]
fn migrations_are_valid() {
    migrations()
        .validate()
        .expect("every migration applies cleanly to an empty database");
}

#[test]
fn a_new_library_is_at_the_latest_schema_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("nested/library.sqlite")).unwrap();
    let conn = lock(&library.writer);
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(
        version, SCHEMA_VERSION,
        "a fresh library must be migrated to the latest schema"
    );
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "WAL lets reads go on while a sync writes");
    let fk: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1, "foreign keys keep bookmarks tied to articles");
}

/// Fills a database at `version` with one source, two articles and a
/// bookmark, as that version's schema wrote them.
fn library_at_version(path: &Path, version: usize) {
    let mut conn = Connection::open(path).unwrap();
    migrations().to_version(&mut conn, version).unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    conn.execute_batch(
        "INSERT INTO sources (id, kind, title, locator, created_at) VALUES (1, 'file', 'پرونده‌ها', 'file:x', 1);
         INSERT INTO articles (id, source_id, guid, title, published_at, fetched_at, sort_at, direction,
             body_html, body_text, content_hash)
           VALUES (1, 1, 'a', 'رئیس‌جمهور گفت', 5, 5, 5, 'rtl', '<p>متن</p>', 'او می‌کند.', 'h1'),
                  (2, 1, 'b', 'Second', 6, 6, 6, 'ltr', '<p>text</p>', 'plain text', 'h2');
         INSERT INTO bookmarks (article_id, created_at) VALUES (1, 7);",
    )
    .unwrap();
    if version >= 2 {
        // From schema 2 on, Barg indexes each article as it stores it.
        let tx = conn.transaction().unwrap();
        crate::index::index_all(&tx).unwrap();
        tx.commit().unwrap();
    }
    if version >= 4 {
        // From schema 4 on, it also writes their words into the term
        // dictionary.
        conn.execute_batch(
            "CREATE VIRTUAL TABLE temp.words USING fts5vocab (main, article_search, row);
             INSERT OR IGNORE INTO search_terms (term) SELECT term FROM temp.words;
             DROP TABLE temp.words;",
        )
        .unwrap();
    }
}

#[test]
fn feed_articles_as_short_as_a_summary_are_marked_summaries_by_schema_6() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    library_at_version(&path, 5);
    let conn = Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO sources (id, kind, title, locator, created_at) VALUES (2, 'feed', 'خبر', 'http://x/f', 1)",
        [],
    )
    .unwrap();
    for (id, body) in [(3, "کوتاه".to_owned()), (4, "متن کامل ".repeat(100))] {
        conn.execute(
            "INSERT INTO articles (id, source_id, guid, url, title, fetched_at, sort_at, direction,
                 body_html, body_text, content_hash)
               VALUES (?1, 2, ?1, 'http://x/' || ?1, 'خبر', 8, 8, 'rtl', '<p></p>', ?2, 'h' || ?1)",
            rusqlite::params![id, body],
        )
        .unwrap();
    }
    drop(conn);
    let library = Library::open(&path).unwrap();
    let listed = library
        .list_articles(&crate::ArticleFilter::default())
        .unwrap();
    let summary_of = |id: i64| listed.iter().find(|a| a.id == id).unwrap().summary_only;
    assert!(
        summary_of(3),
        "a short feed article with a page is a summary: later syncs fetch its page"
    );
    assert!(!summary_of(4), "a long one is whole");
    assert!(
        !summary_of(1),
        "an imported file's article is never a summary"
    );
}

#[test]
fn schema_8_refolds_the_index_so_urdu_yeh_and_soft_hyphens_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    library_at_version(&path, 7);
    let conn = Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO articles (id, source_id, guid, title, fetched_at, sort_at, direction,
             body_html, body_text, content_hash)
           VALUES (3, 1, 'c', 'خبرے تازه', 8, 8, 'rtl', '<p></p>', 'او خوش\u{AD}نویس است', 'h3')",
        [],
    )
    .unwrap();
    // Indexed as schema 7's folding wrote it: `ے` kept as it was, the soft
    // hyphen a separator (`خوش` and `نویس` two words, neither a prefix nor a
    // suffix nor a listed compound), and the dictionary with those words.
    conn.execute(
        "INSERT INTO article_search (rowid, title, body, author, source)
           VALUES (3, 'خبرے تازه', 'او خوش نویس است', NULL, ?1)",
        [crate::persian::fold::fold("پرونده‌ها")],
    )
    .unwrap();
    conn.execute_batch(
        "INSERT OR IGNORE INTO search_terms (term) VALUES ('خبرے'), ('خوش'), ('نویس');",
    )
    .unwrap();
    drop(conn);
    let library = Library::open(&path).unwrap();
    let found = |query: &str| {
        library
            .search(&crate::SearchQuery {
                text: query.into(),
                limit: 5,
                ..Default::default()
            })
            .unwrap()
            .hits
            .len()
    };
    for (query, why) in [
        ("خبری", "ے folds with ی"),
        (
            "خوش‌نویس",
            "the soft hyphen counts as a half-space: one word",
        ),
        (
            "رئیس جمهور",
            "the articles schema 7 indexed are still found",
        ),
    ] {
        assert_eq!(found(query), 1, "{why}: {query}");
    }
    let term = |word: &str| -> i64 {
        library
            .read(|c| {
                Ok(c.query_row(
                    "SELECT count(*) FROM search_terms WHERE term = ?1",
                    [word],
                    |r| r.get(0),
                )?)
            })
            .unwrap()
    };
    assert_eq!(term("خبری"), 1, "the term dictionary holds the new folding");
    assert_eq!(
        term("خبرے"),
        0,
        "and no longer the old one, which matches nothing"
    );
}

#[test]
fn every_earlier_schema_upgrades_with_its_data_and_a_snapshot() {
    for version in 1..SCHEMA_VERSION as usize {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite");
        library_at_version(&path, version);
        let library =
            Library::open(&path).unwrap_or_else(|e| panic!("schema {version} upgrades: {e}"));
        let page = library
            .list_articles(&crate::ArticleFilter::default())
            .unwrap();
        assert_eq!(page.len(), 2, "schema {version}: every article survives");
        let bookmarks = library
            .list_articles(&crate::ArticleFilter {
                bookmarked_only: true,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(
            bookmarks.len(),
            1,
            "schema {version}: the bookmark survives"
        );
        let hits = library.search(&crate::SearchQuery {
            text: "رییس جمهور".into(),
            limit: 5,
            ..Default::default()
        });
        assert_eq!(
            hits.unwrap().hits.len(),
            1,
            "schema {version}: old articles are searchable"
        );
        for (prefix, found, why) in [
            ("رییس*", 1, "by a prefix of their words"),
            ("پرونده*", 2, "by a prefix of their source's name"),
        ] {
            let hits = library.search(&crate::SearchQuery {
                text: prefix.into(),
                limit: 5,
                ..Default::default()
            });
            assert_eq!(
                hits.unwrap().hits.len(),
                found,
                "schema {version}: old articles are found {why}"
            );
        }
        let snapshot = Connection::open(snapshot_path(&path, version as i64)).unwrap();
        let kept: i64 = snapshot
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(
            kept, version as i64,
            "a snapshot of schema {version} was taken before migrating"
        );
    }
}

#[test]
fn a_library_from_a_newer_barg_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    drop(Library::open(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    assert!(matches!(
        Library::open(&path),
        Err(LibraryError::NewerSchema { .. })
    ));
}

#[test]
fn a_foreign_sqlite_file_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('keep me');")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Library::open(&path)
        .err()
        .expect("a foreign database must not open as a library");
    assert!(
        matches!(err, LibraryError::ForeignDatabase { .. }),
        "got {err:?}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the foreign file must not be modified"
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "these are my notes, not a database ".repeat(200)).unwrap();
    let before = std::fs::read(&path).unwrap();
    assert!(
        Library::open(&path).is_err(),
        "a text file must not open as a library"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the text file must not be modified"
    );
}
