//! The `barg` command line, run as the built binary on real library folders.

use std::path::Path;
use std::process::{Output, Stdio};

use crate::support::{barg_command, core_fixture, write_barg_export};

fn barg(data_dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    crate::support::run_with_stdin(barg_command(data_dir, args), stdin)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    stdout(output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("«{l}» is JSON: {e}")))
        .collect()
}

fn fixture(path: &str) -> String {
    core_fixture(path).display().to_string()
}

#[test]
fn dates_convert_both_ways_and_bad_dates_fail_with_status_1() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], i32, &str)] = &[
        (&["date", "--to-jalali", "2025-03-20"], 0, "1403-12-30\n"),
        (&["date", "--to-gregorian", "1403-12-30"], 0, "2025-03-20\n"),
        (&["date", "--to-gregorian", "۱۴۰۳-۰۱-۰۱"], 0, "2024-03-20\n"),
        (&["date", "--to-gregorian", "1402-12-30"], 1, ""),
        (&["date", "--to-jalali", "2025-02-30"], 1, ""),
        (&["date", "--to-jalali", "yesterday"], 1, ""),
        (&["date"], 2, ""),
        (&["no-such-command"], 2, ""),
    ];
    for (args, status, expected) in cases {
        let output = barg(dir.path(), args, None);
        assert_eq!(
            output.status.code(),
            Some(*status),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(stdout(&output), *expected, "{args:?}");
        if *status == 1 {
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(
                stderr.lines().count(),
                1,
                "{args:?}: one clear line: {stderr}"
            );
        }
    }
}

#[test]
fn a_mistyped_subcommand_is_an_error_not_something_to_open() {
    let dir = tempfile::tempdir().unwrap();
    let output = barg(dir.path(), &["imprt", "no-such-file.txt"], None);
    assert_eq!(
        output.status.code(),
        Some(2),
        "no window opens for what is neither a subcommand nor a file or address"
    );
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("imprt"),
        "it names what it did not understand: {said}"
    );
}

#[test]
fn list_and_search_show_persian_repaired_as_the_window_does_and_json_keeps_the_stored_text() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("library");
    let file = dir.path().join("گفتگو.txt");
    std::fs::write(
        &file,
        "گفتوگوی ۵۰ دقیقهای با وزیر درباره کتابهای تازه\n\nمتن گفتوگو درباره کتابهای تازه است.\n",
    )
    .unwrap();
    let imported = barg(&data, &["import", file.to_str().unwrap()], None);
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let listed = stdout(&barg(&data, &["list", "--all"], None));
    assert!(
        listed.contains("گفت\u{200c}وگوی ۵۰ دقیقه\u{200c}ای"),
        "the list shows the title repaired, as the reader does: {listed}"
    );
    let searched = stdout(&barg(&data, &["search", "کتابهای"], None));
    assert!(
        searched.contains("[کتاب\u{200c}های]"),
        "the highlight still covers the word, now repaired: {searched}"
    );
    let stored = json_lines(&barg(&data, &["--json", "list", "--all"], None));
    assert!(
        stored
            .iter()
            .any(|a| a["title"] == "گفتوگوی ۵۰ دقیقهای با وزیر درباره کتابهای تازه"),
        "JSON gives scripts the stored text: {stored:?}"
    );
}

#[test]
fn text_fold_and_repair_read_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let folded = barg(dir.path(), &["text", "fold"], Some("رئيس جمهور مي‌كند ۵۰"));
    assert_eq!(stdout(&folded), "رییسجمهور میکند 50\n");
    let repaired = barg(
        dir.path(),
        &["text", "repair"],
        Some("رئیسجمهور روسیه پس از 50 دقیقه گفتوگو میکند."),
    );
    assert_eq!(
        stdout(&repaired),
        "رئیس‌جمهور روسیه پس از ۵۰ دقیقه گفت‌وگو می‌کند.\n"
    );
}

#[test]
fn import_list_search_show_bookmark_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("library");
    let data = data.as_path();

    let imported = barg(
        data,
        &[
            "--json",
            "import",
            &fixture("feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml"),
        ],
        None,
    );
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let summary = json_lines(&imported).pop().unwrap();
    assert_eq!(
        summary["added"], 7,
        "the weblog feed has seven posts: {summary}"
    );
    let again = barg(
        data,
        &[
            "--json",
            "import",
            &fixture("feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml"),
        ],
        None,
    );
    assert_eq!(
        json_lines(&again).pop().unwrap()["duplicates"],
        7,
        "a second import finds duplicates only"
    );

    let list = json_lines(&barg(data, &["--json", "list", "--limit", "100"], None));
    assert_eq!(list.len(), 11, "four sample articles and seven posts");

    let hits = json_lines(&barg(
        data,
        &["--json", "search", "رييس جمهور", "--limit", "5"],
        None,
    ));
    assert!(
        !hits.is_empty()
            && hits
                .iter()
                .all(|h| h["id"].is_i64() && h["score"].is_f64() && h["snippet"].is_string())
    );
    let id = hits[0]["id"].as_i64().unwrap().to_string();

    let shown = barg(data, &["show", &id], None);
    assert!(shown.status.success());
    let repaired = barg(data, &["--json", "show", &id, "--repair"], None);
    assert!(
        json_lines(&repaired)[0]["text"]
            .as_str()
            .unwrap()
            .contains('\u{200C}'),
        "repaired text has half-spaces"
    );

    assert!(barg(data, &["bookmark", "add", &id], None).status.success());
    let bookmarks = json_lines(&barg(data, &["--json", "bookmark", "list"], None));
    assert_eq!(bookmarks.len(), 1);
    assert_eq!(bookmarks[0]["id"].to_string(), id);

    let export = dir.path().join("bookmarks.html");
    let exported = barg(
        data,
        &[
            "export",
            "--format",
            "html",
            "--bookmarks",
            "--out",
            export.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        exported.status.success(),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    assert!(std::fs::read_to_string(&export)
        .unwrap()
        .contains("NETSCAPE-Bookmark-file-1"));

    let missing = barg(data, &["bookmark", "add", "999999"], None);
    assert_eq!(
        missing.status.code(),
        Some(1),
        "a missing article is bad input"
    );
    let bad_file = barg(data, &["import", "/no/such/file.xml"], None);
    assert_eq!(
        bad_file.status.code(),
        Some(1),
        "importing nothing is bad input"
    );
}

#[test]
fn a_json_export_restores_into_an_empty_library() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("a"), dir.path().join("b"));
    assert!(barg(&first, &["bookmark", "add", "2"], None)
        .status
        .success());
    let file = dir.path().join("library.jsonl");
    assert!(
        barg(&first, &["export", "--out", file.to_str().unwrap()], None)
            .status
            .success()
    );
    // A second library starts with the sample too: the export adds nothing
    // new but brings the bookmark over.
    let restored = json_lines(&barg(
        &second,
        &["--json", "import", file.to_str().unwrap()],
        None,
    ));
    assert_eq!(restored.last().unwrap()["duplicates"], 4);
    let bookmarks = json_lines(&barg(&second, &["--json", "bookmark", "list"], None));
    assert_eq!(bookmarks.len(), 1, "the bookmark came over");
}

#[test]
fn a_folder_holding_a_foreign_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("library.sqlite");
    std::fs::write(&file, "not a database, someone's notes ".repeat(100)).unwrap();
    let output = barg(dir.path(), &["list"], None);
    assert_eq!(output.status.code(), Some(1), "bad input, not a crash");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("could not be opened") && stderr.contains("not a Barg library"),
        "says why: {stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "not a database, someone's notes ".repeat(100),
        "the file is untouched"
    );
}

use crate::support::server;

#[test]
fn feeds_are_added_synced_listed_exported_and_removed_from_the_command_line() {
    let server = server::TestServer::start();
    let feed = std::fs::read(fixture(
        "feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml",
    ))
    .unwrap();
    server.route(
        "/hoder.xml",
        server::Route::body(feed, "application/rss+xml").with_etag("v1"),
    );
    let dir = tempfile::tempdir().unwrap();

    let added = barg(
        dir.path(),
        &[
            "--json",
            "feeds",
            "add",
            &server.url("/hoder.xml"),
            "--folder",
            "وبلاگ",
        ],
        None,
    );
    assert_eq!(
        added.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let id = json_lines(&added)[0]["id"]
        .as_i64()
        .expect("the new feed's id");

    let synced = barg(dir.path(), &["--json", "sync"], None);
    assert_eq!(
        synced.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&synced.stderr)
    );
    let summary = json_lines(&synced).pop().unwrap();
    assert!(
        summary["added"].as_u64().unwrap() >= 5,
        "the feed's items arrive: {summary}"
    );
    let again = json_lines(&barg(
        dir.path(),
        &["--json", "sync", "--feed", &id.to_string()],
        None,
    ))
    .pop()
    .unwrap();
    assert_eq!(
        (again["added"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(1)),
        "a 304 the second time: {again}"
    );

    let listed = barg(
        dir.path(),
        &[
            "--json",
            "list",
            "--source",
            &id.to_string(),
            "--limit",
            "3",
        ],
        None,
    );
    assert_eq!(
        json_lines(&listed).len(),
        3,
        "the feed's articles are listed"
    );

    let feeds = json_lines(&barg(dir.path(), &["--json", "feeds", "list"], None));
    assert_eq!(feeds.len(), 1);
    assert_eq!(feeds[0]["folder"], "وبلاگ");
    let opml = dir.path().join("subs.opml");
    let exported = barg(
        dir.path(),
        &["feeds", "export-opml", opml.to_str().unwrap()],
        None,
    );
    assert_eq!(exported.status.code(), Some(0));
    assert!(std::fs::read_to_string(&opml)
        .unwrap()
        .contains(&server.url("/hoder.xml")));

    let removed = barg(
        dir.path(),
        &["feeds", "remove", &id.to_string(), "--keep-articles"],
        None,
    );
    assert_eq!(removed.status.code(), Some(0));
    assert!(
        json_lines(&barg(dir.path(), &["--json", "feeds", "list"], None)).is_empty(),
        "unsubscribed"
    );
    let kept = barg(
        dir.path(),
        &["--json", "list", "--source", &id.to_string()],
        None,
    );
    assert!(
        !json_lines(&kept).is_empty(),
        "with --keep-articles the articles stay"
    );

    let other = tempfile::tempdir().unwrap();
    let imported = barg(
        other.path(),
        &["--json", "feeds", "import-opml", opml.to_str().unwrap()],
        None,
    );
    assert_eq!(
        json_lines(&imported)[0]["added"],
        1,
        "the OPML file subscribes another library"
    );

    server.stop();
    let dead = barg(
        dir.path(),
        &["feeds", "add", "http://127.0.0.1:9/feed.xml"],
        None,
    );
    assert_eq!(
        dead.status.code(),
        Some(0),
        "an address that cannot be reached now is kept pending, not refused"
    );
    assert!(
        String::from_utf8_lossy(&dead.stderr).contains("pending")
            && String::from_utf8_lossy(&dead.stderr).contains("could not be reached"),
        "{}",
        String::from_utf8_lossy(&dead.stderr)
    );
}

#[test]
fn a_backup_restores_a_library_and_a_foreign_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("backup.barg");
    assert_eq!(
        barg(dir.path(), &["bookmark", "add", "1"], None)
            .status
            .code(),
        Some(0)
    );
    let made = barg(dir.path(), &["backup", backup.to_str().unwrap()], None);
    assert_eq!(
        made.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert_eq!(
        barg(dir.path(), &["backup", backup.to_str().unwrap()], None)
            .status
            .code(),
        Some(1),
        "a backup never overwrites a file"
    );
    assert_eq!(
        barg(dir.path(), &["bookmark", "remove", "1"], None)
            .status
            .code(),
        Some(0)
    );
    let restored = barg(
        dir.path(),
        &["--json", "restore", backup.to_str().unwrap()],
        None,
    );
    assert_eq!(
        restored.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    let kept = json_lines(&restored)[0]["kept"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        Path::new(&kept).exists(),
        "the replaced library is kept at {kept}"
    );
    let bookmarks = json_lines(&barg(dir.path(), &["--json", "list", "--bookmarked"], None));
    assert_eq!(
        bookmarks.len(),
        1,
        "the bookmark made before the backup is back"
    );

    let foreign = dir.path().join("foreign.sqlite");
    std::fs::write(&foreign, b"SQLite format 3\0 but not really").unwrap();
    let refused = barg(dir.path(), &["restore", foreign.to_str().unwrap()], None);
    assert_eq!(
        refused.status.code(),
        Some(1),
        "a file that is not a Barg library is refused"
    );
    assert_eq!(
        json_lines(&barg(dir.path(), &["--json", "list", "--bookmarked"], None)).len(),
        1,
        "and changes nothing"
    );
}

#[test]
fn list_returns_every_article_asked_for_and_says_when_search_shows_fewer() {
    let data = tempfile::tempdir().unwrap();
    let export = data.path().join("many.jsonl");
    // More than a page of the window's list (500), and more matches than a
    // search ranks (300).
    write_barg_export(&export, 1, 700);
    let imported = barg(
        data.path(),
        &["import", &export.display().to_string()],
        None,
    );
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let library = barg_core::Library::open(&data.path().join("library.sqlite")).unwrap();
    let total = library.article_count().unwrap() as usize;
    drop(library);
    assert!(total > 700, "the export and the sample are in: {total}");

    let asked = json_lines(&barg(
        data.path(),
        &["--json", "list", "--limit", "600"],
        None,
    ));
    assert_eq!(
        asked.len(),
        600,
        "--limit 600 gives 600, not the window's page of 500"
    );
    let all = json_lines(&barg(data.path(), &["--json", "list", "--all"], None));
    assert_eq!(all.len(), total, "--all streams every article");
    let ids: std::collections::BTreeSet<_> = all.iter().map(|a| a["id"].as_i64()).collect();
    assert_eq!(ids.len(), total, "each article once");

    let search = barg(
        data.path(),
        &["--json", "search", "آزمون", "--limit", "1000"],
        None,
    );
    let hits = json_lines(&search);
    let note = String::from_utf8_lossy(&search.stderr);
    assert!(
        hits.len() < 700,
        "a search ranks a bounded set of candidates: {}",
        hits.len()
    );
    assert!(
        note.contains(&format!("Showing {} of 700", hits.len())),
        "fewer hits than asked and than match are said on stderr: {note}"
    );
    let few = barg(data.path(), &["search", "آزمون", "--limit", "5"], None);
    assert!(
        String::from_utf8_lossy(&few.stderr).is_empty(),
        "as many as asked: nothing to say"
    );
}

#[test]
fn a_file_whose_parser_panics_fails_alone_the_import_goes_on_and_exits_1() {
    let data = tempfile::tempdir().unwrap();
    let imported = barg(
        data.path(),
        &[
            "--json",
            "import",
            &fixture("crashes/feed-quick-xml-set-encoding.xml"),
            &fixture("feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml"),
        ],
        None,
    );
    let lines = json_lines(&imported);
    assert_eq!(
        imported.status.code(),
        Some(1),
        "a file failed, so the import says so in its status: {}",
        String::from_utf8_lossy(&imported.stderr)
    );
    assert_eq!(
        lines[0]["failed"], "parse",
        "the parser's panic is that file's `parse` failure: {lines:?}"
    );
    assert!(
        lines[0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("could not be read")),
        "the reason says the file could not be read: {lines:?}"
    );
    let summary = lines
        .iter()
        .find(|l| l.get("added").is_some() && l.get("path").is_none())
        .unwrap();
    assert_eq!(
        summary["added"], 7,
        "the good feed after it is stored: {summary}"
    );
    assert!(
        lines.last().unwrap()["error"]
            .as_str()
            .is_some_and(|e| e.contains("One file could not be imported")),
        "the status is explained in the last line: {lines:?}"
    );
    assert_eq!(summary["failed"], 1, "{summary}");
    let stderr = String::from_utf8_lossy(&imported.stderr);
    assert!(
        !stderr.contains("panicked"),
        "a caught parser panic prints no panic message or backtrace on the terminal: {stderr}"
    );
}

#[test]
fn a_sync_with_a_failed_feed_stores_the_others_and_exits_1() {
    let server = server::TestServer::start();
    let feed = std::fs::read(core_fixture(
        "feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml",
    ))
    .unwrap();
    server.route(
        "/good.xml",
        server::Route::body(feed.clone(), "application/rss+xml"),
    );
    server.route(
        "/soon-broken.xml",
        server::Route::body(feed, "application/rss+xml"),
    );
    let dir = tempfile::tempdir().unwrap();
    for path in ["/good.xml", "/soon-broken.xml"] {
        let added = barg(dir.path(), &["feeds", "add", &server.url(path)], None);
        assert_eq!(
            added.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&added.stderr)
        );
    }
    server.route(
        "/soon-broken.xml",
        server::Route::body(
            std::fs::read(core_fixture("crashes/feed-quick-xml-set-encoding.xml")).unwrap(),
            "application/rss+xml",
        ),
    );
    let synced = barg(dir.path(), &["--json", "sync"], None);
    let lines = json_lines(&synced);
    assert_eq!(
        synced.status.code(),
        Some(1),
        "a feed failed: the status says so: {lines:?}"
    );
    assert!(
        lines.iter().any(|l| l["failed"] == "parse"),
        "the broken feed is named with its `parse` failure: {lines:?}"
    );
    let summary = lines.iter().find(|l| l.get("updated").is_some()).unwrap();
    assert_eq!(
        summary["added"], 7,
        "the good feed's items are stored: {summary}"
    );
    assert_eq!(summary["failed"], 1, "{summary}");
}

#[test]
fn a_read_only_library_is_read_on_the_command_line_and_changes_exit_1() {
    let Some(mount) = crate::support::mount::TmpMount::new(20) else {
        return;
    };
    let data = mount.path().join("barg");
    let listed = barg(&data, &["list"], None);
    assert!(
        listed.status.success(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );
    mount.remount_read_only();

    let listed = barg(&data, &["--json", "list"], None);
    assert_eq!(
        listed.status.code(),
        Some(0),
        "reading works: {}",
        String::from_utf8_lossy(&listed.stderr)
    );
    assert!(!json_lines(&listed).is_empty(), "the articles are listed");
    assert!(
        String::from_utf8_lossy(&listed.stderr).contains("can only be read"),
        "one line on stderr says the library is read-only"
    );
    let id = json_lines(&listed)[0]["id"].as_i64().unwrap().to_string();
    let refused = barg(&data, &["bookmark", "add", &id], None);
    assert_eq!(refused.status.code(), Some(1), "a change fails");
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("open for reading only"),
        "and says why: {}",
        String::from_utf8_lossy(&refused.stderr)
    );
}

/// Runs barg as a user who may not write `data` (as root, which may write
/// anything, as `nobody`).
fn barg_as_a_reader(data: &Path, args: &[&str]) -> Output {
    let root = stdout(&std::process::Command::new("id").arg("-u").output().unwrap()).trim() == "0";
    let mut command = if root {
        let mut setpriv = std::process::Command::new("setpriv");
        setpriv
            .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"])
            .arg(crate::support::BARG)
            .arg("--data-dir")
            .arg(data)
            .args(args)
            .env("LANG", "en_US.UTF-8")
            .env_remove("BARG_DATA_DIR");
        setpriv
    } else {
        barg_command(data, args)
    };
    command.stdin(Stdio::null()).output().unwrap()
}

#[test]
fn a_library_in_a_folder_the_user_may_not_write_is_read_and_changes_are_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("barg");
    std::fs::create_dir(&data).unwrap();
    let library = data.join("library.sqlite");
    assert!(
        barg(&data, &["list"], None).status.success(),
        "a library with the sample"
    );
    // Closed cleanly: the file alone, no log or index beside it.
    drop(barg_core::Library::open(&library).unwrap());
    assert!(
        !data.join("library.sqlite-wal").exists(),
        "the setup leaves the library file alone"
    );
    // The file may be written, its folder may not (a shared folder, a
    // folder another account made).
    let mode = |path: &Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    mode(dir.path(), 0o755);
    mode(&library, 0o666);
    mode(&data, 0o555);

    let listed = barg_as_a_reader(&data, &["--json", "list"]);
    let stderr = String::from_utf8_lossy(&listed.stderr).into_owned();
    assert_eq!(
        listed.status.code(),
        Some(0),
        "the library is read, not refused as foreign: {stderr}"
    );
    assert!(!json_lines(&listed).is_empty(), "the articles are listed");
    assert!(
        stderr.contains("can only be read"),
        "one line says it is read-only: {stderr}"
    );
    let searched = barg_as_a_reader(&data, &["--json", "search", "فارسی"]);
    assert!(
        searched.status.success() && !json_lines(&searched).is_empty(),
        "search works: {}",
        String::from_utf8_lossy(&searched.stderr)
    );
    let id = json_lines(&listed)[0]["id"].as_i64().unwrap().to_string();
    let refused = barg_as_a_reader(&data, &["bookmark", "add", &id]);
    assert_eq!(refused.status.code(), Some(1), "a change fails");
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("open for reading only"),
        "and says why: {}",
        String::from_utf8_lossy(&refused.stderr)
    );
    mode(&data, 0o755);
}

#[test]
fn an_import_onto_a_full_disk_stops_keeps_the_library_and_exits_1_with_its_counts() {
    let Some(mount) = crate::support::mount::TmpMount::new(3) else {
        return;
    };
    let data = mount.path().join("barg");
    assert!(
        barg(&data, &["list"], None).status.success(),
        "a library with the sample"
    );
    mount.fill();
    let imported = barg(
        &data,
        &[
            "--json",
            "import",
            &fixture("feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml"),
            &fixture("scraped-news-fa.txt"),
        ],
        None,
    );
    let lines = json_lines(&imported);
    assert_eq!(
        imported.status.code(),
        Some(1),
        "nothing could be stored: {lines:?}"
    );
    assert!(
        lines.iter().filter(|l| l["failed"] == "disk-full").count() == 2,
        "the file that met the full disk and the one not tried are both named: {lines:?}"
    );
    let summary = lines
        .iter()
        .find(|l| l.get("duplicates").is_some() && l.get("path").is_none())
        .unwrap();
    assert_eq!(summary["added"], 0, "{summary}");
    assert_eq!(summary["failed"], 2, "{summary}");
    let listed = barg(&data, &["--json", "list"], None);
    assert!(listed.status.success(), "the library still opens and lists");
    assert!(!json_lines(&listed).is_empty());
}
