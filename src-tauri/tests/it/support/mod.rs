//! What the app's integration tests share: the built `barg` binary, the
//! repository's folders, and the core tests' HTTP server on 127.0.0.1.

#[path = "../../../../tests/support/freshrss.rs"]
pub mod freshrss;
#[path = "../../../core/tests/it/support/mount.rs"]
pub mod mount;
#[path = "../../../core/tests/it/support/proxies.rs"]
pub mod proxies;
pub mod secrets;
#[path = "../../../core/tests/it/support/server.rs"]
pub mod server;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The `barg` binary cargo built for these tests.
pub const BARG: &str = env!("CARGO_BIN_EXE_barg");

/// `barg --data-dir DIR ARGS…`, in English, ignoring the caller's
/// `BARG_DATA_DIR`.
pub fn barg_command(data_dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(BARG);
    command
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env_remove("BARG_DATA_DIR");
    command
}

/// Runs `command` with `stdin` on its standard input (closed at once when
/// `None`) and collects what it printed.
pub fn run_with_stdin(mut command: Command, stdin: Option<&str>) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

/// The repository's root folder.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The path of a file in barg-core's test fixtures.
pub fn core_fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("core/tests/fixtures")
        .join(path)
}

/// Every file under `dir` whose extension is one of `extensions`, recursively.
pub fn files_under(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_under(&path, extensions));
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e))
        {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// A Barg JSON Lines export of `n` distinct articles (round `round`).
pub fn write_barg_export(path: &Path, round: u64, n: usize) {
    let mut text = String::from(
        "{\"barg\":\"library\",\"version\":1,\"exportedAt\":1,\"bookmarksOnly\":false}\n",
    );
    text.push_str("{\"type\":\"source\",\"locator\":\"file:crash\",\"kind\":\"file\",\"title\":\"crash\",\"createdAt\":1}\n");
    for i in 0..n {
        let body = format!("متن آزمون {round} {i} ").repeat(40);
        text.push_str(
            &serde_json::json!({
                "type": "article", "source": "file:crash", "guid": format!("r{round}-{i}"),
                "url": null, "title": format!("خبر {round}-{i}"), "author": null,
                "publishedAt": 1_700_000_000 + i as i64, "fetchedAt": 1_700_000_000, "language": "fa",
                "bodyHtml": format!("<p>{body}</p>"), "bodyText": body, "readAt": null, "bookmark": null
            })
            .to_string(),
        );
        text.push('\n');
    }
    std::fs::write(path, text).unwrap();
}
