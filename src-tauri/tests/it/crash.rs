//! Power loss, simulated: `barg import` and `barg sync` are killed with
//! SIGKILL at random moments, 50 times each in a row on the same library.
//! After every kill the library must open, pass `PRAGMA integrity_check`,
//! hold no half-written article (each article complete and in the search
//! index), and keep every bookmark made before the kill.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use barg_core::{ArticleFilter, Library};

use crate::support::{barg_command, server, write_barg_export as export_file};

const KILLS: u64 = 50;

/// A small deterministic generator, so a failure can be replayed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn barg(data_dir: &Path, args: &[&str]) -> Command {
    let mut command = barg_command(data_dir, args);
    command.stdout(Stdio::null()).stderr(Stdio::null());
    command
}

/// Everything that must hold after a kill.
fn check(data_dir: &Path, bookmarks_before: usize, what: &str) -> usize {
    let path = data_dir.join("library.sqlite");
    let library = Library::open(&path).unwrap_or_else(|e| panic!("{what}: the library opens: {e}"));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok", "{what}: integrity_check");
    let (articles, indexed, empty): (i64, i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_search),
                    (SELECT count(*) FROM articles WHERE title = '' OR body_text = '' OR body_html = '')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        articles, indexed,
        "{what}: every article is in the search index, and only those"
    );
    assert_eq!(empty, 0, "{what}: no article is half-written");
    let bookmarks = library
        .list_articles(&ArticleFilter {
            bookmarked_only: true,
            limit: 500,
            ..Default::default()
        })
        .unwrap()
        .len();
    assert!(
        bookmarks >= bookmarks_before,
        "{what}: {bookmarks} bookmarks, {bookmarks_before} before the kill"
    );
    bookmarks
}

/// Kills the command after `delay`; whether it was still at work then.
fn kill_after(mut command: Command, delay: Duration) -> bool {
    let mut child = command.spawn().expect("barg starts");
    std::thread::sleep(delay);
    let running = matches!(child.try_wait(), Ok(None));
    // SIGKILL: no destructor, no rollback handler, like pulling the plug.
    let _ = child.kill();
    let _ = child.wait();
    running
}

/// A new library in `data` with one bookmark; its bookmark count, checked.
fn library_with_a_bookmark(data: &Path) -> usize {
    assert!(barg(data, &["bookmark", "add", "1"])
        .status()
        .unwrap()
        .success());
    check(data, 1, "before")
}

/// Starts importing `file` and kills it after a random delay, then checks
/// the library. Returns whether the import was still running, and the
/// bookmarks now.
fn kill_an_import(
    data: &Path,
    file: &Path,
    rng: &mut Rng,
    bookmarks: usize,
    what: &str,
) -> (bool, usize) {
    kill_an_import_within(data, file, rng, 400, bookmarks, what)
}

/// [`kill_an_import`] after a random delay of up to `max_ms` (an import
/// that meets a full disk ends sooner, so its kills must come sooner).
fn kill_an_import_within(
    data: &Path,
    file: &Path,
    rng: &mut Rng,
    max_ms: u64,
    bookmarks: usize,
    what: &str,
) -> (bool, usize) {
    let delay = Duration::from_millis(20 + rng.next() % max_ms);
    let interrupted = kill_after(barg(data, &["import", file.to_str().unwrap()]), delay);
    let bookmarks = check(
        data,
        bookmarks,
        &format!("{what}: import killed after {delay:?}"),
    );
    (interrupted, bookmarks)
}

#[test]
fn killing_import_fifty_times_never_damages_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut bookmarks = library_with_a_bookmark(&data);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let file = dir.path().join("import.jsonl");
    let mut interrupted = 0;
    for round in 0..KILLS {
        export_file(&file, round, 1500);
        // Every few rounds, bookmark one more article first.
        if round % 10 == 0 {
            let id = (round / 10 + 2).to_string();
            let _ = barg(&data, &["bookmark", "add", &id]).status();
            bookmarks = check(&data, bookmarks, "after bookmarking");
        }
        let hit;
        (hit, bookmarks) =
            kill_an_import(&data, &file, &mut rng, bookmarks, &format!("round {round}"));
        interrupted += u64::from(hit);
    }
    println!("import: {interrupted} of {KILLS} kills hit a running import; no library damaged");
    assert!(
        interrupted * 2 >= KILLS,
        "most kills must land mid-import ({interrupted} of {KILLS})"
    );
}

#[test]
fn killing_sync_fifty_times_never_damages_the_library() {
    let server = server::TestServer::start();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut urls = Vec::new();
    for f in 0..20 {
        let items: String = (0..100)
            .map(|i| {
                format!(
                    "<item><guid>f{f}-{i}</guid><title>خبر {f} {i}</title><description><![CDATA[<p>{}</p>]]></description></item>",
                    format!("متن خبر {f} {i} ").repeat(60)
                )
            })
            .collect();
        let path = format!("/f{f}.xml");
        server.route(
            &path,
            server::Route::body(
                format!("<rss version=\"2.0\"><channel><title>f{f}</title>{items}</channel></rss>"),
                "application/rss+xml",
            ),
        );
        urls.push(server.url(&path));
    }
    let opml: String = urls
        .iter()
        .map(|u| format!("<outline text=\"x\" xmlUrl=\"{u}\"/>"))
        .collect();
    let opml_path = dir.path().join("subs.opml");
    std::fs::write(
        &opml_path,
        format!("<opml version=\"2.0\"><head/><body>{opml}</body></opml>"),
    )
    .unwrap();
    assert!(barg(
        &data,
        &["feeds", "import-opml", opml_path.to_str().unwrap()]
    )
    .status()
    .unwrap()
    .success());
    assert!(barg(&data, &["bookmark", "add", "2"])
        .status()
        .unwrap()
        .success());
    let mut bookmarks = check(&data, 1, "before");
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut interrupted = 0;
    for round in 0..KILLS {
        // Change every feed so each sync has writing to do.
        if round % 2 == 1 {
            for (f, url) in urls.iter().enumerate() {
                let path = url.rsplit_once('/').map(|(_, p)| format!("/{p}")).unwrap();
                let items: String = (0..100)
                    .map(|i| format!("<item><guid>f{f}-{i}-{round}</guid><title>تازه {round} {i}</title><description>متن {round} {f} {i}</description></item>"))
                    .collect();
                server.route(&path, server::Route::body(format!("<rss version=\"2.0\"><channel><title>f{f}</title>{items}</channel></rss>"), "application/rss+xml"));
            }
        }
        let delay = Duration::from_millis(20 + rng.next() % 300);
        interrupted += u64::from(kill_after(barg(&data, &["sync"]), delay));
        bookmarks = check(
            &data,
            bookmarks,
            &format!("sync killed after {delay:?} (round {round})"),
        );
    }
    println!("sync: {interrupted} of {KILLS} kills hit a running sync; no library damaged");
    assert!(
        interrupted * 2 >= KILLS,
        "most kills must land mid-sync ({interrupted} of {KILLS})"
    );
}

#[test]
fn killing_import_on_a_nearly_full_disk_twenty_times_never_damages_the_library() {
    let Some(mount) = crate::support::mount::TmpMount::new(12) else {
        return;
    };
    let outside = tempfile::tempdir().unwrap();
    let data = mount.path().join("data");
    let mut bookmarks = library_with_a_bookmark(&data);
    // Leave about 2 MB: each import fills the disk part of the way through.
    mount.fill_leaving(2 * 1024 * 1024);
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let file = outside.path().join("import.jsonl");
    let mut interrupted = 0;
    for round in 0..20 {
        export_file(&file, 1000 + round, 1500);
        let hit;
        (hit, bookmarks) = kill_an_import_within(
            &data,
            &file,
            &mut rng,
            80,
            bookmarks,
            &format!("nearly full disk, round {round}"),
        );
        interrupted += u64::from(hit);
    }
    println!("nearly full disk: {interrupted} of 20 kills hit a running import");
    assert!(
        interrupted >= 10,
        "most kills must land mid-import ({interrupted} of 20)"
    );
    let last = barg(&data, &["import", file.to_str().unwrap()])
        .stdout(Stdio::piped())
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&last.stdout).contains("disk is full"),
        "the imports did reach the full disk: {}",
        String::from_utf8_lossy(&last.stdout)
    );
    check(&data, bookmarks, "after an import that met the full disk");
}
