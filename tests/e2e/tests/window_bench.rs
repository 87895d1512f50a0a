//! `make bench` (not `make test`): the real window, measured. Start-up to the
//! first painted article list, and the memory (PSS) of the app with its
//! WebKit processes, beside the same binary showing an empty page.
//!
//! Run with `cargo test -p barg-e2e --test window_bench -- --ignored --nocapture`.

use std::path::Path;
use std::time::Instant;

use barg_e2e::{barg_binary, Desktop, Result};
use fantoccini::ClientBuilder;
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

async fn measure(
    desktop: &Desktop,
    data_dir: &Path,
    empty: bool,
) -> Result<(f64, f64, Vec<(String, f64)>)> {
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
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let to_list_ms = started.elapsed().as_secs_f64() * 1000.0;
    // Let the page settle (fonts, images), then measure.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let (pss, parts) = pss_of_app(&data_dir.display().to_string());
    client.close().await?;
    Ok((to_list_ms, pss, parts))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run by `make bench`"]
async fn start_up_and_memory_beside_an_empty_window() -> Result<()> {
    let desktop = Desktop::start()?;
    let mut report = String::from("\n### The window (Xvfb, debug build)\n\n| run | session start → first list painted ms | PSS MB (app + WebKit) | by process |\n|---|---:|---:|---|\n");
    for round in 0..3 {
        for (label, empty) in [("Barg, sample library", false), ("empty window", true)] {
            let dir = desktop.new_data_dir(&format!("bench-{round}-{empty}"))?;
            let (ms, pss, parts) = measure(&desktop, &dir, empty).await?;
            let by: Vec<String> = parts.iter().map(|(n, mb)| format!("{n} {mb:.0}")).collect();
            report.push_str(&format!(
                "| {label} #{} | {ms:.0} | {pss:.0} | {} |\n",
                round + 1,
                by.join(", ")
            ));
        }
    }
    println!("{report}");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-window.md");
    std::fs::write(out, &report)?;
    Ok(())
}
