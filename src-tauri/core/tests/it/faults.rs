//! Faults of the filesystem, on real ones (a tmpfs, remounted read-only or
//! filled up): the library stays readable, changes fail with their own
//! code, and nothing is lost.

use barg_core::ops::{self, DataFolder};
use barg_core::{ArticleFilter, Code, Library, SearchQuery};

use crate::support::mount::TmpMount;
use crate::support::NOW;

fn search_hits(library: &Library, text: &str) -> usize {
    library
        .search(&SearchQuery {
            text: text.into(),
            limit: 10,
            ..Default::default()
        })
        .unwrap()
        .hits
        .len()
}

fn integrity(library: &Library) -> String {
    let conn = rusqlite::Connection::open_with_flags(
        library.path(),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// A library with the sample in `name` on `mount`, closed again; returns
/// its folder and how many articles it holds.
fn sample_library_on(mount: &TmpMount, name: &str) -> (DataFolder, usize) {
    let folder = DataFolder::new(mount.path().join(name));
    let library = folder.open_library(NOW).unwrap();
    let articles = library
        .list_articles(&ArticleFilter::default())
        .unwrap()
        .len();
    assert!(articles > 0, "the sample is in");
    (folder, articles)
}

#[test]
fn a_library_on_a_read_only_mount_is_read_and_refuses_changes() {
    let Some(mount) = TmpMount::new(20) else {
        return;
    };
    let (folder, articles) = sample_library_on(&mount, "library");
    assert!(
        barg_core::fs::with_suffix(&folder.library_path(), "-wal").exists(),
        "this case has the write-ahead log beside the file (the one without is tested below)"
    );
    mount.remount_read_only();

    let library = folder
        .open_library(NOW)
        .expect("a library that cannot be written opens, read-only");
    assert!(library.is_read_only(), "it knows it is read-only");
    let listed = library.list_articles(&ArticleFilter::default()).unwrap();
    assert_eq!(listed.len(), articles, "every article is listed");
    assert!(search_hits(&library, "روسیه") > 0, "search works");
    library.article(listed[0].id).expect("an article opens");
    let refused = library.set_bookmark(listed[0].id, true, NOW).unwrap_err();
    assert_eq!(
        refused.code(),
        Code::ReadOnly,
        "a change is refused as read-only: {refused}"
    );

    let out = tempfile::tempdir().unwrap();
    let export = out.path().join("library.jsonl");
    let counts = ops::export_to_file(
        &library,
        barg_core::export::ExportFormat::Json,
        false,
        &export,
        NOW,
    )
    .expect("an export to a writable folder works");
    assert_eq!(
        counts.articles as usize, articles,
        "the export holds every article"
    );
}

#[test]
fn a_full_disk_keeps_the_library_readable_and_writes_work_again_once_there_is_room() {
    let Some(mount) = TmpMount::new(3) else {
        return;
    };
    let folder = DataFolder::new(mount.path().join("library"));
    drop(folder.open_library(NOW).unwrap());
    let filler = mount.fill();

    let library = folder
        .open_library(NOW)
        .expect("a full disk does not keep the library closed: opening writes nothing");
    assert!(
        !library.is_read_only(),
        "the library itself can still be written"
    );
    assert_eq!(
        library.disk_room(),
        barg_core::fs::DiskRoom::Full,
        "the window can tell the disk is full before any change is tried"
    );
    let listed = library.list_articles(&ArticleFilter::default()).unwrap();
    assert!(!listed.is_empty(), "the articles are listed");
    assert!(search_hits(&library, "روسیه") > 0, "search works");
    // A bookmark is small: SQLite may still find room in a page it has; a
    // note as large as the disk cannot.
    let note = "یادداشت ".repeat(200_000);
    let error = library
        .set_bookmark_details(listed[0].id, &[], Some(&note), NOW)
        .expect_err("a write larger than the room left fails");
    assert_eq!(
        error.code(),
        Code::DiskFull,
        "it fails as disk-full: {error}"
    );
    assert_eq!(integrity(&library), "ok", "nothing was damaged");

    std::fs::remove_file(filler).unwrap();
    assert_eq!(
        library.disk_room(),
        barg_core::fs::DiskRoom::Enough,
        "freed space is seen"
    );
    library
        .checkpoint()
        .expect("what the full disk held back is checkpointed once there is room");
    let log = std::fs::metadata(barg_core::fs::with_suffix(library.path(), "-wal"))
        .map_or(0, |m| m.len());
    assert_eq!(
        log, 0,
        "the checkpoint emptied the write-ahead log into the library"
    );
    library
        .set_bookmark(listed[0].id, true, NOW)
        .expect("once there is room, a write works without reopening");
    assert_eq!(
        library
            .list_articles(&ArticleFilter {
                bookmarked_only: true,
                ..Default::default()
            })
            .unwrap()
            .len(),
        1,
        "the bookmark is stored"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sync_onto_a_full_disk_stops_and_loses_nothing() {
    use crate::support::server::{Route, TestServer};
    use std::sync::Arc;
    let Some(mount) = TmpMount::new(3) else {
        return;
    };
    let server = TestServer::start();
    let feed = crate::support::fixture("feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml");
    let folder = DataFolder::new(mount.path().join("library"));
    {
        let library = folder.open_library(NOW).unwrap();
        for n in 0..4 {
            let path = format!("/feed-{n}.xml");
            server.route(&path, Route::body(feed.clone(), "application/rss+xml"));
            library
                .add_feed(&server.url(&path), &path, None, None, NOW)
                .unwrap();
        }
    }
    let filler = mount.fill();
    let library = Arc::new(folder.open_library(NOW).unwrap());
    let before = library
        .list_articles(&ArticleFilter::default())
        .unwrap()
        .len();
    let fetcher = Arc::new(barg_core::feeds::fetch::Fetcher::new(Default::default()).unwrap());
    let report = barg_core::feeds::sync::sync(
        &library,
        &fetcher,
        None,
        &barg_core::feeds::sync::SyncOptions::default(),
        NOW,
        &barg_core::feeds::Cancel::default(),
        |_| {},
    )
    .await
    .expect("a full disk is the feeds' failure, not the sync's");
    assert!(
        report.failed.iter().any(|f| f.code == Code::DiskFull),
        "the feed that met the full disk says so: {:?}",
        report.failed
    );
    assert_eq!(
        report.failed.len(),
        4,
        "no feed claims to be stored: {:?}",
        report.failed
    );
    assert_eq!(
        library
            .list_articles(&ArticleFilter::default())
            .unwrap()
            .len(),
        before,
        "the library is as it was"
    );
    assert_eq!(integrity(&library), "ok", "and intact");

    std::fs::remove_file(filler).unwrap();
    let again = barg_core::feeds::sync::sync(
        &library,
        &fetcher,
        None,
        &barg_core::feeds::sync::SyncOptions::default(),
        NOW + 60,
        &barg_core::feeds::Cancel::default(),
        |_| {},
    )
    .await
    .unwrap();
    assert!(
        again.failed.is_empty(),
        "with room again, the next sync works: {:?}",
        again.failed
    );
    assert!(
        library
            .list_articles(&ArticleFilter::default())
            .unwrap()
            .len()
            > before,
        "and stores what the feeds bring, without reopening the library"
    );
}

#[test]
fn a_library_that_needs_an_update_on_a_read_only_mount_is_refused_untouched() {
    let Some(mount) = TmpMount::new(20) else {
        return;
    };
    let folder = DataFolder::new(mount.path().join("library"));
    drop(folder.open_library(NOW).unwrap());
    {
        // As an earlier Barg left it: schema 3, before the term dictionary.
        let conn = rusqlite::Connection::open(folder.library_path()).unwrap();
        conn.execute_batch("DROP TABLE search_terms; PRAGMA user_version = 3;")
            .unwrap();
    }
    let before = std::fs::read(folder.library_path()).unwrap();
    mount.remount_read_only();
    let refused = match folder.open_library(NOW) {
        Ok(_) => panic!("a library this Barg must update cannot open where it cannot be written"),
        Err(error) => error,
    };
    assert_eq!(refused.code(), Code::ReadOnly, "it says why: {refused}");
    assert_eq!(
        std::fs::read(folder.library_path()).unwrap(),
        before,
        "the file is left exactly as it was"
    );
}

#[test]
fn a_cleanly_closed_library_copied_to_a_read_only_drive_opens_for_reading() {
    let Some(mount) = TmpMount::new(20) else {
        return;
    };
    let (folder, articles) = sample_library_on(&mount, "کتابخانهٔ من");
    // The last connection to close copies the log into the file and
    // removes it (what a copy of the file alone amounts to as well).
    rusqlite::Connection::open(folder.library_path())
        .unwrap()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    assert!(
        !barg_core::fs::with_suffix(&folder.library_path(), "-wal").exists(),
        "closed cleanly: everything is in the library file, no write-ahead log"
    );
    mount.remount_read_only();
    let library = folder
        .open_library(NOW)
        .expect("without a log beside it, the file is read as it is");
    assert!(library.is_read_only(), "and it is read-only");
    assert_eq!(
        library
            .list_articles(&ArticleFilter::default())
            .unwrap()
            .len(),
        articles,
        "every article is there"
    );
    assert!(search_hits(&library, "روسیه") > 0, "search works");
}
