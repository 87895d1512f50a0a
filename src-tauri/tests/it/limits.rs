//! Limits that hold, measured on the built `barg` (`make bench` runs these
//! with the release build and prints the table): each case is one process
//! under `/usr/bin/time`, and must end in bounded time and memory with a
//! clear error or a sane result, the library intact.
//!
//! Ignored in `make test` (the 100 MB cases alone take a while in a debug
//! build); the same limits are asserted on smaller inputs by the sync and
//! import tests there.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::support::server::{Route, TestServer};
use crate::support::BARG;

/// Runs barg under /usr/bin/time: (exit code, seconds, peak RSS in MB, stderr).
fn timed(data_dir: &Path, args: &[&str]) -> (i32, f64, f64, String) {
    let output = Command::new("/usr/bin/time")
        .args(["-f", "TIME %e %M"])
        .arg(BARG)
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("BARG_DATA_DIR")
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("/usr/bin/time runs barg");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let line = stderr
        .lines()
        .rev()
        .find(|l| l.starts_with("TIME "))
        .unwrap_or("TIME 0 0");
    let mut fields = line.split_whitespace().skip(1);
    let seconds: f64 = fields.next().and_then(|f| f.parse().ok()).unwrap_or(0.0);
    let kb: f64 = fields.next().and_then(|f| f.parse().ok()).unwrap_or(0.0);
    (
        output.status.code().unwrap_or(-1),
        seconds,
        kb / 1024.0,
        stderr,
    )
}

fn rss_items(n: usize, title: &str, round: usize) -> String {
    let items: String = (0..n)
        .map(|i| format!("<item><guid>r{round}-{i}</guid><title>{title} {i}</title><description>متن خبر {i} در دور {round}</description></item>"))
        .collect();
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>limits</title>{items}</channel></rss>")
}

/// Writes a Barg JSON Lines export of about `bytes` bytes of distinct
/// Persian articles; how many.
fn write_export(path: &Path, bytes: u64) -> usize {
    use std::io::Write;
    let words = [
        "خبر",
        "ایران",
        "گزارش",
        "رئیس‌جمهور",
        "می‌گوید",
        "اقتصاد",
        "مجلس",
        "تهران",
        "هفته",
        "دولت",
        "بازار",
        "مردم",
        "کتاب‌ها",
        "شهر",
        "سال",
        "امروز",
    ];
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(
        out,
        r#"{{"barg":"library","version":1,"exportedAt":1764000000,"bookmarksOnly":false}}"#
    )
    .unwrap();
    writeln!(out, r#"{{"type":"source","locator":"file:big","kind":"file","title":"big","siteUrl":null,"language":null,"folder":null,"createdAt":1764000000}}"#).unwrap();
    let (mut written, mut n) = (0u64, 0usize);
    while written < bytes {
        let text: Vec<&str> = (0..400)
            .map(|i| words[(i * 7 + n * 13 + i * i) % words.len()])
            .collect();
        let text = format!("{} {n}", text.join(" "));
        let line = format!(
            r#"{{"type":"article","source":"file:big","guid":"big-{n}","url":null,"title":"خبر شماره {n}","author":null,"publishedAt":{},"fetchedAt":1764000000,"language":"fa","bodyHtml":"<p>{text}</p>","bodyText":"{text}","readAt":null,"bookmark":null}}"#,
            1_600_000_000 + n
        );
        writeln!(out, "{line}").unwrap();
        written += line.len() as u64 + 1;
        n += 1;
    }
    out.flush().unwrap();
    n
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn check_library(data_dir: &Path) {
    let conn = rusqlite::Connection::open(data_dir.join("library.sqlite")).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok", "the library is intact");
}

#[test]
#[ignore = "make bench: needs the release build to be quick"]
fn every_limit_ends_in_bounded_time_and_memory() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = TestServer::start();
    let mut table = vec![
        "| limit | result | seconds | peak RSS MB |".to_owned(),
        "|---|---|---:|---:|".to_owned(),
    ];
    let mut row = |name: &str,
                   (code, secs, mb, stderr): (i32, f64, f64, String),
                   bound_secs: f64,
                   bound_mb: f64| {
        let result = if code == 0 {
            "ok".to_owned()
        } else {
            stderr
                .lines()
                .find(|l| l.starts_with("barg:"))
                .unwrap_or("error")
                .chars()
                .take(90)
                .collect()
        };
        table.push(format!("| {name} | {result} | {secs:.1} | {mb:.0} |"));
        assert!(secs <= bound_secs, "{name}: {secs} s");
        assert!(mb <= bound_mb, "{name}: {mb} MB");
        check_library(&data);
    };

    // Files.
    let big = dir.path().join("big.xml");
    let body = "<p>".to_owned() + &"متن بلند خبر ".repeat(1500) + "</p>";
    let items: String = (0..3000)
        .map(|i| format!("<item><guid>b{i}</guid><title>خبر {i}</title><description><![CDATA[{body}]]></description></item>"))
        .collect();
    std::fs::write(
        &big,
        format!("<rss version=\"2.0\"><channel><title>big</title>{items}</channel></rss>"),
    )
    .unwrap();
    let size = std::fs::metadata(&big).unwrap().len() / 1_000_000;
    row(
        &format!("a {size} MB feed file"),
        timed(&data, &["import", big.to_str().unwrap()]),
        120.0,
        2500.0,
    );
    let huge = dir.path().join("huge.xml");
    std::fs::write(&huge, vec![b' '; 101 * 1024 * 1024]).unwrap();
    row(
        "a 101 MB file (over the limit)",
        timed(&data, &["import", huge.to_str().unwrap()]),
        10.0,
        300.0,
    );
    let many = dir.path().join("many.xml");
    std::fs::write(&many, rss_items(10_000, "خبر", 0)).unwrap();
    row(
        "a 10,000-item feed file",
        timed(&data, &["import", many.to_str().unwrap()]),
        60.0,
        500.0,
    );
    let long_title = dir.path().join("title.xml");
    std::fs::write(&long_title, rss_items(1, &"عنوان ".repeat(100_000), 1)).unwrap();
    row(
        "a 1 MB title",
        timed(&data, &["import", long_title.to_str().unwrap()]),
        30.0,
        300.0,
    );

    // The network.
    let add = |path: &str, route: Route| {
        server.route(path, route);
        timed(&data, &["feeds", "add", &server.url(path)])
    };
    row(
        "a gzip bomb (1 GB of zeros)",
        add(
            "/bomb.xml",
            Route::Body {
                body: gzip(&vec![0u8; 1024 * 1024 * 1024]),
                content_type: "application/rss+xml".into(),
                etag: None,
                encoding: Some("gzip".into()),
            },
        ),
        60.0,
        300.0,
    );
    row(
        "a redirect loop",
        add("/loop.xml", Route::Redirect("/loop.xml".into())),
        10.0,
        300.0,
    );
    row(
        "one byte a second",
        add(
            "/slow.xml",
            Route::Trickle {
                length: 1000,
                every: Duration::from_secs(1),
            },
        ),
        120.0,
        300.0,
    );
    let big_feed = Route::body(std::fs::read(&big).unwrap(), "application/rss+xml");
    row(
        &format!("a {size} MB feed over HTTP (limit 32 MB)"),
        add("/big-feed.xml", big_feed),
        30.0,
        300.0,
    );
    // A feed that changes every guid on every sync: each sync stores the new
    // items (they are new to the library) and the library stays sane.
    server.route(
        "/churn.xml",
        Route::body(rss_items(200, "چرخش", 0), "application/rss+xml"),
    );
    let _ = timed(&data, &["feeds", "add", &server.url("/churn.xml")]);
    for round in 1..=5 {
        server.route(
            "/churn.xml",
            Route::body(rss_items(200, "چرخش", round), "application/rss+xml"),
        );
        let result = timed(&data, &["sync"]);
        if round == 5 {
            row(
                "new guids on every sync (5 syncs × 200)",
                result,
                60.0,
                500.0,
            );
        }
    }

    // A 1 GB export (Barg JSON Lines) streams in: memory stays what it is
    // for a small file. Last: it leaves a large library behind.
    let export = dir.path().join("one-gb.jsonl");
    let articles = write_export(&export, 1_000_000_000);
    let size = std::fs::metadata(&export).unwrap().len() / 1_000_000;
    row(
        &format!("a {size} MB Barg export ({articles} articles, streamed)"),
        timed(&data, &["import", export.to_str().unwrap()]),
        900.0,
        300.0,
    );
    println!("\n{}\n", table.join("\n"));
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-limits.md");
    let _ = std::fs::write(out, table.join("\n") + "\n");
}
