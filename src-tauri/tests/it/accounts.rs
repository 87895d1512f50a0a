//! The command line's sync accounts, run as the built binary against a
//! real FreshRSS on 127.0.0.1, with the password in a real (private)
//! Secret Service. Two data folders stand for two devices.

use std::path::Path;
use std::process::Output;

use serde_json::Value;

use crate::support::freshrss::{FreshRss, API_PASSWORD, USER};
use crate::support::secrets::SecretService;
use crate::support::server::{Route as Serve, TestServer};
use crate::support::{barg_command, core_fixture, run_with_stdin};

fn barg(data: &Path, secrets: &SecretService, args: &[&str], stdin: Option<&str>) -> Output {
    let mut command = barg_command(data, args);
    command.env_remove("BARG_ACCOUNT_PASSWORD");
    secrets.apply(&mut command);
    run_with_stdin(command, stdin)
}

/// Runs and expects success; the JSON lines it printed.
fn json(data: &Path, secrets: &SecretService, args: &[&str], stdin: Option<&str>) -> Vec<Value> {
    let mut with_json = vec!["--json"];
    with_json.extend_from_slice(args);
    let output = barg(data, secrets, &with_json, stdin);
    assert!(
        output.status.success(),
        "barg {args:?} works: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn add_account(data: &Path, secrets: &SecretService, server: &FreshRss) -> i64 {
    let added = json(
        data,
        secrets,
        &[
            "account",
            "add",
            "greader",
            &server.greader_url(),
            "--user",
            USER,
            "--password-stdin",
        ],
        Some(&format!("{API_PASSWORD}\n")),
    );
    added[0]["id"].as_i64().unwrap()
}

fn article_with_title(data: &Path, secrets: &SecretService, title: &str) -> Value {
    json(data, secrets, &["list", "--all"], None)
        .into_iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("{title} is listed"))
}

#[test]
fn accounts_from_the_command_line_sync_two_devices_and_keep_offline_changes() {
    let secrets = SecretService::start();
    let server = FreshRss::start();
    let feeds = TestServer::start();
    let hoder = std::fs::read(core_fixture(
        "feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml",
    ))
    .unwrap();
    feeds.route("/hoder.xml", Serve::body(hoder, "application/rss+xml"));
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));

    // A wrong password is refused at once, in the user's words, and no
    // account is added.
    let refused = barg(
        &a,
        &secrets,
        &[
            "account",
            "add",
            "greader",
            &server.greader_url(),
            "--user",
            USER,
            "--password-stdin",
        ],
        Some("not-the-password\n"),
    );
    assert!(!refused.status.success(), "a wrong password is refused");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("refused the user name or password"), "{said}");
    assert!(
        json(&a, &secrets, &["account", "list"], None).is_empty(),
        "nothing was added"
    );

    let on_a = add_account(&a, &secrets, &server);
    let subscribed = json(
        &a,
        &secrets,
        &[
            "account",
            "subscribe",
            &on_a.to_string(),
            &feeds.url("/hoder.xml"),
            "--folder",
            "وبلاگ‌ها",
        ],
        None,
    );
    assert!(
        subscribed[0]["stream"]
            .as_str()
            .unwrap()
            .starts_with("feed/"),
        "the server gave the feed its stream id: {subscribed:?}"
    );
    let on_b = add_account(&b, &secrets, &server);
    let synced = json(
        &b,
        &secrets,
        &["sync", "--account", &on_b.to_string()],
        None,
    );
    assert_eq!(
        synced[0]["added"], 7,
        "B gets every article through the server: {synced:?}"
    );

    // The password is in the Secret Service, never in a file of Barg's.
    for file in every_file(&a) {
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(API_PASSWORD),
            "{} holds the account's password",
            file.display()
        );
    }

    // Read on B from the command line, and it is read on A.
    let title = "لينکدونی‌ | بازتاب توقیف شد";
    let article = article_with_title(&b, &secrets, title);
    json(
        &b,
        &secrets,
        &["mark", "read", &article["id"].to_string()],
        None,
    );
    let sent = json(&b, &secrets, &["sync"], None);
    let account_line = sent.iter().find(|l| l.get("account").is_some()).unwrap();
    assert_eq!(
        account_line["sent"], 1,
        "`barg sync` syncs the account too: {sent:?}"
    );
    json(&a, &secrets, &["sync"], None);
    assert_eq!(
        article_with_title(&a, &secrets, title)["read"],
        true,
        "read on B, read on A"
    );

    // The server is down: changes wait in the library across runs.
    let mut server = server;
    server.stop();
    let other = article_with_title(&a, &secrets, "لينکدونی‌ | به صبحانه آگهی بدهید");
    json(
        &a,
        &secrets,
        &["mark", "read", &other["id"].to_string()],
        None,
    );
    json(
        &a,
        &secrets,
        &["bookmark", "add", &other["id"].to_string()],
        None,
    );
    let down = barg(
        &a,
        &secrets,
        &["sync", "--account", &on_a.to_string()],
        None,
    );
    assert!(!down.status.success(), "a sync with the server down fails");
    let said = String::from_utf8_lossy(&down.stderr);
    assert!(said.contains("changes wait in the library"), "{said}");
    let listed = json(&a, &secrets, &["account", "list"], None);
    assert_eq!(
        listed[0]["pendingChanges"], 2,
        "both changes are queued: {listed:?}"
    );
    assert_eq!(
        listed[0]["lastErrorCode"], "network",
        "the account says why"
    );

    server.resume();
    let later = json(
        &a,
        &secrets,
        &["sync", "--account", &on_a.to_string()],
        None,
    );
    assert_eq!(
        later[0]["sent"], 2,
        "every queued change arrives: {later:?}"
    );
    json(&b, &secrets, &["sync"], None);
    let on_b_now = article_with_title(&b, &secrets, other["title"].as_str().unwrap());
    assert_eq!(on_b_now["read"], true, "read offline on A is read on B");
    assert!(
        on_b_now["bookmarkedAt"].is_number(),
        "bookmarked offline on A is a bookmark on B"
    );

    // Removing the account can keep its articles.
    json(
        &b,
        &secrets,
        &["account", "remove", &on_b.to_string(), "--keep-articles"],
        None,
    );
    assert!(json(&b, &secrets, &["account", "list"], None).is_empty());
    let kept = json(&b, &secrets, &["list", "--all"], None);
    assert!(
        kept.iter().any(|a| a["title"] == title),
        "the articles stay"
    );
}

fn every_file(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        match path.is_dir() {
            true => files.extend(every_file(&path)),
            false => files.push(path),
        }
    }
    files
}
