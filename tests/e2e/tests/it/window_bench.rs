//! `make bench` (not `make test`): the real window, measured. Start-up to the
//! first painted article list, and the memory (PSS) of the app with its
//! WebKit processes, beside the same binary showing an empty page.
//!
//! Run with `cargo test -p barg-e2e --test it window_bench -- --ignored --nocapture`.

use std::path::Path;
use std::time::{Duration, Instant};

use barg_e2e::{barg_binary, Desktop, Result};
use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, ClientBuilder};
use serde_json::json;

/// PSS in MB of the process whose command line names `marker`, and of all
/// its descendants (WebKitWebProcess, WebKitNetworkProcess).
fn pss_of_app(marker: &str) -> (f64, Vec<(String, f64)>) {
    let mut procs: Vec<(u32, u32, String, String)> = Vec::new(); // pid, ppid, name, cmdline
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let Some(close) = stat.rfind(')') else {
            continue;
        };
        let name = stat[stat.find('(').unwrap_or(0) + 1..close].to_owned();
        let ppid = stat[close + 2..]
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        let cmdline = std::fs::read_to_string(format!("/proc/{pid}/cmdline"))
            .unwrap_or_default()
            .replace('\0', " ");
        procs.push((pid, ppid, name, cmdline));
    }
    let Some(root) = procs
        .iter()
        .find(|p| p.3.contains(marker) && p.2 == "barg")
        .map(|p| p.0)
    else {
        return (0.0, Vec::new());
    };
    let mut family = vec![root];
    let mut i = 0;
    while i < family.len() {
        let parent = family[i];
        family.extend(procs.iter().filter(|p| p.1 == parent).map(|p| p.0));
        i += 1;
    }
    let mut parts = Vec::new();
    let mut total = 0.0;
    for pid in family {
        let rollup =
            std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
        let kb: f64 = rollup
            .lines()
            .find(|l| l.starts_with("Pss:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0);
        let name = procs
            .iter()
            .find(|p| p.0 == pid)
            .map(|p| p.2.clone())
            .unwrap_or_default();
        parts.push((name, kb / 1024.0));
        total += kb / 1024.0;
    }
    (total, parts)
}

/// Starts the app (or the same binary showing an empty page) and waits for
/// its first painted list; the session and the time that took in ms.
async fn start(desktop: &Desktop, data_dir: &Path, empty: bool) -> Result<(Client, f64)> {
    let mut args = vec![json!("--data-dir"), json!(data_dir)];
    if empty {
        args.push(json!("--empty-window"));
    }
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("wry"));
    caps.insert(
        "tauri:options".into(),
        json!({ "application": barg_binary(), "args": args }),
    );
    let started = Instant::now();
    // Both rustls back-ends are compiled in the workspace: choose one.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut builder = ClientBuilder::rustls()?;
    builder.capabilities(caps);
    let client = builder
        .connect(&format!("http://127.0.0.1:{}", desktop.driver_port()))
        .await?;
    loop {
        if let Ok(serde_json::Value::Bool(true)) = client
            .execute(
                "return document.body && document.body.dataset.ready === 'true'",
                vec![],
            )
            .await
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    Ok((client, started.elapsed().as_secs_f64() * 1000.0))
}

async fn measure(
    desktop: &Desktop,
    data_dir: &Path,
    empty: bool,
) -> Result<(f64, f64, Vec<(String, f64)>)> {
    let (client, to_list_ms) = start(desktop, data_dir, empty).await?;
    // Let the page settle (fonts, images), then measure.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let (pss, parts) = pss_of_app(&data_dir.display().to_string());
    client.close().await?;
    Ok((to_list_ms, pss, parts))
}

fn percentile(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    if values.is_empty() {
        return f64::NAN;
    }
    values[((values.len() - 1) as f64 * p).round() as usize]
}

fn by_process(parts: &[(String, f64)]) -> String {
    parts
        .iter()
        .map(|(n, mb)| format!("{n} {mb:.0}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Opens `count` articles one after another by clicking their rows, moving
/// three rows down the list each time; for each, the ms from the click to
/// the frame after its text is in the reader.
const OPEN_ARTICLES: &str = r#"
const done = arguments[arguments.length - 1];
const count = arguments[0];
const list = document.querySelector('[data-testid=article-list]');
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const painted = (id) => new Promise((resolve, reject) => {
  const shown = () => document.querySelector(`[data-testid=reader-body][data-article-id="${id}"]`);
  const finish = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
  if (shown()) return finish();
  const watch = new MutationObserver(() => {
    if (shown()) { watch.disconnect(); clearTimeout(timer); finish(); }
  });
  const timer = setTimeout(() => { watch.disconnect(); reject(new Error('article ' + id + ' never showed')); }, 10000);
  watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-article-id'] });
});
(async () => {
  const times = [];
  const opened = new Set();
  for (let i = 0; i < count; i++) {
    list.scrollTop = i * 3 * 124;
    let row = null;
    for (let wait = 0; wait < 600 && !row; wait++) {
      await frame();
      const top = list.getBoundingClientRect().top;
      row = [...list.querySelectorAll('[data-testid=article-row]')]
        .find((r) => r.getBoundingClientRect().top >= top && !opened.has(r.dataset.articleId)) ?? null;
    }
    if (!row) throw new Error('no row on screen after scrolling to ' + list.scrollTop);
    const id = row.dataset.articleId;
    opened.add(id);
    const clicked = performance.now();
    row.click();
    times.push((await painted(id)) - clicked);
  }
  return times;
})().then(done, (e) => done('failed: ' + e));
"#;

/// Scrolls the list down `rows` rows at `per_frame` rows a frame, as a
/// fast flick would; the length of every frame in ms, and how many frames
/// showed a placeholder (rows not loaded yet) on screen.
const SCROLL_ROWS: &str = r#"
const done = arguments[arguments.length - 1];
const [rows, perFrame] = [arguments[0], arguments[1]];
const list = document.querySelector('[data-testid=article-list]');
const frames = [];
let placeholderFrames = 0;
let last = performance.now();
const target = list.scrollTop + rows * 124;
const step = (now) => {
  frames.push(now - last);
  last = now;
  const top = list.getBoundingClientRect().top;
  const bottom = top + list.clientHeight;
  if ([...list.querySelectorAll('.row-placeholder')].some((p) => {
    const r = p.getBoundingClientRect();
    return r.bottom > top && r.top < bottom;
  })) placeholderFrames++;
  if (list.scrollTop >= target - 1) return done({ frames, placeholderFrames, scrollTop: list.scrollTop });
  list.scrollTop = Math.min(target, list.scrollTop + perFrame * 124);
  requestAnimationFrame(step);
};
requestAnimationFrame((now) => { last = now; requestAnimationFrame(step); });
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run by `make bench`"]
async fn start_up_and_memory_beside_an_empty_window() -> Result<()> {
    let desktop = Desktop::start()?;
    let mut report = format!("\n### The window (Xvfb, {})\n\n| run | session start → first list painted ms | PSS MB (app + WebKit) | by process |\n|---|---:|---:|---|\n", barg_binary().display());
    for round in 0..3 {
        for (label, empty) in [("Barg, sample library", false), ("empty window", true)] {
            let dir = desktop.new_data_dir(&format!("bench-{round}-{empty}"))?;
            let (ms, pss, parts) = measure(&desktop, &dir, empty).await?;
            report.push_str(&format!(
                "| {label} #{} | {ms:.0} | {pss:.0} | {} |\n",
                round + 1,
                by_process(&parts)
            ));
        }
    }
    println!("{report}");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-window.md");
    std::fs::write(out, &report)?;
    Ok(())
}

/// The library of a million articles that `make bench` generated (see
/// `src-tauri/core/benches/library.rs`), in the real window: launch to the
/// first painted list, opening 100 articles, scrolling 10,000 rows, the DOM
/// after that, and the memory of the whole session beside an empty window.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run by `make bench`"]
async fn a_million_articles_in_the_window() -> Result<()> {
    let Some(library) = std::env::var_os("BARG_BENCH_LIBRARY").map(std::path::PathBuf::from) else {
        println!("skipped: BARG_BENCH_LIBRARY names no generated library");
        return Ok(());
    };
    let articles: i64 = rusqlite_count(&library.join("library.sqlite"))?;
    // The first open of a library adds the sample articles to it, once in
    // its life; the runs below measure ordinary starts.
    let first_open = Instant::now();
    let status = std::process::Command::new(barg_binary())
        .arg("--data-dir")
        .arg(&library)
        .args(["list", "--limit", "1"])
        .stdout(std::process::Stdio::null())
        .status()?;
    assert!(status.success(), "barg list on the generated library");
    let first_open_ms = first_open.elapsed().as_secs_f64() * 1000.0;
    let desktop = Desktop::start()?;
    let mut report = format!(
        "\n### The window on {articles} articles (Xvfb, {})\n\nThe first open of the generated library (`barg list`, which adds the sample articles once): {first_open_ms:.0} ms.\n\n",
        barg_binary().display()
    );
    report.push_str("Scrolling 10,000 rows: frames / frames over 50 ms / longest frame ms / frames with a not-yet-loaded row on screen.\n\n| run | launch → first list ms | open p50 ms | open p95 ms | open max ms | scroll at 4 rows a frame | scroll at 16 rows a frame | DOM elements after | PSS MB (app + WebKit) at the first list / after opening / after the session / 30 s later | empty window PSS MB |\n|---|---:|---:|---:|---:|---|---|---:|---:|---:|\n");
    for round in 0..2 {
        let (client, to_list_ms) = start(&desktop, &library, false).await?;
        client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(600)),
                None,
                None,
            ))
            .await?;
        // The first start offers the default feeds: decline, as a reader of
        // this library would.
        let _ = client
            .execute(
                "document.querySelector('[data-testid=default-feeds-dismiss]')?.click()",
                vec![],
            )
            .await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let (pss_at_start, _) = pss_of_app(&library.display().to_string());
        let opened = client
            .execute_async(OPEN_ARTICLES, vec![json!(100)])
            .await?;
        let (pss_after_opening, _) = pss_of_app(&library.display().to_string());
        let mut open_ms: Vec<f64> = match opened {
            serde_json::Value::Array(times) => times.iter().filter_map(|t| t.as_f64()).collect(),
            other => return Err(format!("opening articles: {other}").into()),
        };
        // 10,000 rows at a fast fling (4 rows, about 500 px, a frame) and a
        // flick far faster than a hand (16 rows a frame).
        let mut scrolls = Vec::new();
        for per_frame in [4, 16] {
            let scrolled = client
                .execute_async(SCROLL_ROWS, vec![json!(10_000), json!(per_frame)])
                .await?;
            let frames: Vec<f64> = scrolled["frames"]
                .as_array()
                .map(|f| f.iter().filter_map(|t| t.as_f64()).collect())
                .unwrap_or_default();
            let long = frames.iter().filter(|&&ms| ms > 50.0).count();
            let longest = frames.iter().copied().fold(0.0, f64::max);
            scrolls.push(format!(
                "{} / {long} / {longest:.0} / {}",
                frames.len(),
                scrolled["placeholderFrames"]
            ));
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
        let elements = client
            .execute("return document.getElementsByTagName('*').length", vec![])
            .await?;
        tokio::time::sleep(Duration::from_secs(2)).await;
        let (pss, parts) = pss_of_app(&library.display().to_string());
        // WebKit gives memory back some time after the work (garbage
        // collection, its caches): measured again after half a minute idle.
        tokio::time::sleep(Duration::from_secs(30)).await;
        let (pss_idle, _) = pss_of_app(&library.display().to_string());
        client.close().await?;

        let empty_dir = desktop.new_data_dir(&format!("empty-{round}"))?;
        let (_, empty_pss, empty_parts) = measure(&desktop, &empty_dir, true).await?;
        let max = open_ms.iter().copied().fold(0.0, f64::max);
        report.push_str(&format!(
            "| #{} | {to_list_ms:.0} | {:.1} | {:.1} | {max:.1} | {} | {} | {elements} | {pss_at_start:.0} / {pss_after_opening:.0} / {pss:.0} ({}) / {pss_idle:.0} | {empty_pss:.0} ({}) |\n",
            round + 1,
            percentile(&mut open_ms, 0.5),
            percentile(&mut open_ms, 0.95),
            scrolls[0],
            scrolls[1],
            by_process(&parts),
            by_process(&empty_parts),
        ));
        println!("{report}");
    }
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-window-million.md");
    std::fs::write(out, &report)?;
    Ok(())
}

/// How many articles the library holds.
fn rusqlite_count(path: &Path) -> Result<i64> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    Ok(conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
}
