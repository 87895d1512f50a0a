//! The network settings on the command line, against real proxies on
//! 127.0.0.1: `proxy`, `route preset`, `feeds route`, `net check`, and the
//! routes and error codes `feeds list --json` shows.

use std::path::Path;
use std::process::Output;

use crate::support::proxies::RunningProxy;
use crate::support::secrets::SecretService;
use crate::support::server::{Route as Serve, TestServer};
use crate::support::{barg_command, core_fixture};

fn barg(data: &Path, args: &[&str], password: Option<&str>) -> Output {
    let mut command = barg_command(data, args);
    command.env("RUST_LOG", "debug");
    if let Some(password) = password {
        command.env("BARG_PROXY_PASSWORD", password);
    }
    command.output().unwrap()
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("«{l}» is JSON: {e}")))
        .collect()
}

fn feed() -> Vec<u8> {
    std::fs::read(core_fixture(
        "feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml",
    ))
    .unwrap()
}

#[test]
fn the_iran_preset_syncs_a_filtered_feed_through_socks5h_and_the_password_is_kept_nowhere() {
    const SECRET: &str = "a-secret-never-written-9f2c";
    let proxy = RunningProxy::socks(Some(("reader", SECRET)));
    let filtered = TestServer::start_on("127.0.0.2");
    filtered.route(
        "/feed.xml",
        Serve::FilteredUnlessProxied(Box::new(Serve::body(feed(), "application/rss+xml"))),
    );
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("barg");
    // Subscribing directly meets the filter: the feed is kept pending, and
    // the first sync that reaches it fetches it.
    let added = barg(
        &data,
        &["--json", "feeds", "add", &filtered.url("/feed.xml")],
        None,
    );
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert_eq!(
        json_lines(&added)[0]["pending"],
        "filtered",
        "{:?}",
        json_lines(&added)
    );
    assert!(
        String::from_utf8_lossy(&added.stderr).contains("filtered on this network"),
        "it says why, with the remedy: {}",
        String::from_utf8_lossy(&added.stderr)
    );
    let pending_id = json_lines(&added)[0]["id"].to_string();
    assert!(barg(&data, &["feeds", "remove", &pending_id], None)
        .status
        .success());

    let address = format!("socks5h://127.0.0.1:{}", proxy.port);
    let set = barg(
        &data,
        &["--json", "proxy", "set", &address, "--user", "reader"],
        None,
    );
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let refused = barg(
        &data,
        &[
            "proxy",
            "set",
            &format!("socks5h://reader:{SECRET}@127.0.0.1:1"),
        ],
        None,
    );
    assert_eq!(
        refused.status.code(),
        Some(1),
        "a password in the address is refused"
    );
    let preset = barg(&data, &["--json", "route", "preset", "iran"], None);
    assert_eq!(json_lines(&preset)[0]["policy"], "iran", "{preset:?}");

    // 127.0.0.2 is not an Iranian host: the preset sends it through the proxy.
    let added = barg(
        &data,
        &["--json", "feeds", "add", &filtered.url("/feed.xml")],
        Some(SECRET),
    );
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let id_number = json_lines(&added)[0]["id"].as_i64().unwrap();
    let id = id_number.to_string();
    let synced = barg(&data, &["--json", "sync"], Some(SECRET));
    assert!(
        synced.status.success(),
        "{}",
        String::from_utf8_lossy(&synced.stderr)
    );
    let listed = barg(&data, &["--json", "feeds", "list"], None);
    let feed = json_lines(&listed)
        .into_iter()
        .find(|f| f["id"] == id_number)
        .unwrap();
    assert_eq!(
        feed["routeWorked"], "proxy",
        "it came through the proxy: {feed}"
    );
    assert_eq!(
        feed["route"],
        serde_json::Value::Null,
        "it has no route of its own"
    );
    assert!(
        proxy.log().contains("connected to 127.0.0.2"),
        "the proxy's log: {}",
        proxy.log()
    );

    // Its own route, direct, meets the filter again: marked filtered.
    barg(&data, &["feeds", "route", &id, "direct"], None);
    let synced = barg(&data, &["--json", "sync"], Some(SECRET));
    assert_eq!(synced.status.code(), Some(1));
    assert!(
        json_lines(&synced)
            .iter()
            .any(|l| l["failed"] == "filtered"),
        "{:?}",
        json_lines(&synced)
    );
    let listed = barg(&data, &["--json", "feeds", "list"], None);
    let feed = json_lines(&listed)
        .into_iter()
        .find(|f| f["id"] == id_number)
        .unwrap();
    assert_eq!(
        (feed["route"].as_str(), feed["lastErrorCode"].as_str()),
        (Some("direct"), Some("filtered"))
    );

    let checked = barg(
        &data,
        &["--json", "net", "check", &filtered.url("/feed.xml")],
        Some(SECRET),
    );
    let lines = json_lines(&checked);
    assert_eq!(lines[0]["way"], "direct");
    assert_eq!(
        lines[0]["code"], "filtered",
        "direct meets the filter: {lines:?}"
    );
    assert_eq!(lines[1]["way"], "proxy");
    assert_eq!(lines[1]["ok"], true, "the proxy reaches it: {lines:?}");
    assert_eq!(
        lines[2]["route"], "proxy",
        "the Iran preset takes the proxy for it"
    );

    // The password was in the environment of every run above, with debug
    // logging on: it is in no file of the data folder and no output.
    for entry in walk(&data) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(
            !bytes.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()),
            "{} holds the password",
            entry.display()
        );
    }
    for output in [&synced, &checked] {
        assert!(
            !String::from_utf8_lossy(&output.stderr).contains(SECRET)
                && !String::from_utf8_lossy(&output.stdout).contains(SECRET),
            "the password is in no log or output"
        );
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

fn barg_with(
    data: &Path,
    args: &[&str],
    stdin: Option<&str>,
    secrets: Option<&SecretService>,
) -> Output {
    let mut command = barg_command(data, args);
    command
        .env("RUST_LOG", "debug")
        .env_remove("BARG_PROXY_PASSWORD");
    match secrets {
        Some(secrets) => secrets.apply(&mut command),
        None => {
            command.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
        }
    }
    crate::support::run_with_stdin(command, stdin)
}

#[test]
fn the_proxy_password_is_kept_in_the_secret_service_and_nowhere_else() {
    const SECRET: &str = "گذرواژه-in-the-keyring-71d3";
    let proxy = RunningProxy::socks(Some(("reader", SECRET)));
    let site = TestServer::start();
    site.route("/feed.xml", Serve::body(feed(), "application/rss+xml"));
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("barg");
    let address = format!("socks5h://127.0.0.1:{}", proxy.port);
    let set = [
        "proxy",
        "set",
        &address,
        "--user",
        "reader",
        "--password-stdin",
    ];

    let refused = barg_with(&data, &set, Some(SECRET), None);
    assert_eq!(
        refused.status.code(),
        Some(1),
        "with no credential store the password cannot be kept"
    );
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("No credential store"),
        "and it says so, with what to do: {}",
        String::from_utf8_lossy(&refused.stderr)
    );

    let secrets = SecretService::start();
    let kept = barg_with(&data, &set, Some(&format!("{SECRET}\n")), Some(&secrets));
    assert!(
        kept.status.success(),
        "{}",
        String::from_utf8_lossy(&kept.stderr)
    );
    barg_with(
        &data,
        &["feeds", "add", &site.url("/feed.xml")],
        None,
        Some(&secrets),
    );
    let synced = barg_with(&data, &["--json", "sync"], None, Some(&secrets));
    assert!(
        synced.status.success(),
        "the sync logs in to the proxy with the stored password: {}",
        String::from_utf8_lossy(&synced.stderr)
    );
    assert_eq!(
        site.proxied_hits(),
        2,
        "the subscription and the sync came through the proxy"
    );
    for entry in walk(&data) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(
            !bytes.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()),
            "{} holds the password",
            entry.display()
        );
    }
    for output in [&kept, &synced] {
        assert!(
            !String::from_utf8_lossy(&output.stderr).contains(SECRET),
            "the password is in no log"
        );
    }
}

#[test]
fn with_no_connection_a_sync_says_so_once_and_keeps_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("barg");
    let mut servers: Vec<TestServer> = (0..3).map(|_| TestServer::start()).collect();
    for server in &servers {
        server.route("/feed.xml", Serve::body(feed(), "application/rss+xml"));
        let added = barg(&data, &["feeds", "add", &server.url("/feed.xml")], None);
        assert!(
            added.status.success(),
            "{}",
            String::from_utf8_lossy(&added.stderr)
        );
    }
    let listed = barg(&data, &["--json", "list", "--all"], None);
    let stored = json_lines(&listed).len();
    // The connection goes: every server stops answering.
    for server in servers.drain(..) {
        server.stop();
    }
    let synced = barg(&data, &["sync"], None);
    assert_eq!(synced.status.code(), Some(1), "the sync did not happen");
    let stdout = String::from_utf8_lossy(&synced.stdout);
    let stderr = String::from_utf8_lossy(&synced.stderr);
    assert!(stdout.trim().is_empty(), "no line per feed: {stdout}");
    assert!(
        stderr.lines().filter(|l| l.starts_with("barg:")).count() == 1
            && stderr.contains("No connection"),
        "one line says there is no connection: {stderr}"
    );
    let json = barg(&data, &["--json", "sync"], None);
    assert_eq!(
        json_lines(&json)[0]["offline"],
        true,
        "{:?}",
        json_lines(&json)
    );
    let listed = barg(&data, &["--json", "list", "--all"], None);
    assert_eq!(
        json_lines(&listed).len(),
        stored,
        "the library is as it was"
    );
}
