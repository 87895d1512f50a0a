//! End to end with a sync account: a real FreshRSS on 127.0.0.1 already
//! subscribed (by another device, the command line) to a real Persian
//! feed. In the window: add the account in Settings, sync, see its feed
//! grouped under the account, read and bookmark an article, sync; the
//! other device then sees both. In Persian and in English.

use std::path::Path;
use std::process::Command;

use crate::freshrss::{FreshRss, API_PASSWORD, USER};
use crate::server::{Route, TestServer};
use barg_e2e::{barg_binary, Desktop, Result, Window};
use serde_json::{json, Value};

const HODER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../src-tauri/core/tests/fixtures/feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml"
);
const TITLE: &str = "لينکدونی‌ | بازتاب توقیف شد";

/// The other device: the command line on its own data folder, its
/// password from the environment.
fn other_device(data_dir: &Path, args: &[&str]) -> Result<Vec<Value>> {
    let output = Command::new(barg_binary())
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--json")
        .args(args)
        .env("BARG_ACCOUNT_PASSWORD", API_PASSWORD)
        .output()?;
    if !output.status.success() {
        return Err(format!("barg {args:?}: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    Ok(String::from_utf8(output.stdout)?
        .lines()
        .map(serde_json::from_str)
        .collect::<std::result::Result<_, _>>()?)
}

async fn type_into(window: &Window, testid: &str, text: &str) -> Result<()> {
    window
        .find(&format!("[data-testid={testid}]"))
        .await?
        .send_keys(text)
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_added_in_settings_syncs_reads_and_bookmarks_both_ways() -> Result<()> {
    let feeds = TestServer::start();
    feeds.route(
        "/hoder.xml",
        Route::body(std::fs::read(HODER)?, "application/rss+xml"),
    );
    let server = FreshRss::start();
    let desktop = Desktop::start()?;
    let other = desktop.new_data_dir("accounts-other")?;
    other_device(
        &other,
        &[
            "account",
            "add",
            "greader",
            &server.greader_url(),
            "--user",
            USER,
        ],
    )?;
    other_device(
        &other,
        &[
            "account",
            "subscribe",
            "1",
            &feeds.url("/hoder.xml"),
            "--folder",
            "وبلاگ‌ها",
        ],
    )?;

    let data_dir = desktop.new_data_dir("accounts")?;
    let window = desktop.launch(&data_dir).await?;
    window.decline_feed_offer().await?;
    window.click("[data-testid=nav-settings]").await?;
    type_into(&window, "account-add-url", &server.greader_url()).await?;
    type_into(&window, "account-add-user", USER).await?;
    // A wrong password first: refused, in Persian, and nothing is added.
    type_into(&window, "account-add-password", "not-the-password").await?;
    window.click("[data-testid=account-add]").await?;
    window
        .wait_for_script(
            "the refusal",
            "return document.querySelector('[data-testid=account-add-error]')?.dataset.code === 'account-auth'",
        )
        .await?;
    assert!(
        window
            .find_all("[data-testid=account-row]")
            .await?
            .is_empty(),
        "a refused account is not added"
    );
    window
        .eval("const p = document.querySelector('[data-testid=account-add-password]'); p.value = ''; p.dispatchEvent(new Event('input', { bubbles: true }));")
        .await?;
    type_into(&window, "account-add-password", API_PASSWORD).await?;
    window.click("[data-testid=account-add]").await?;
    window.find("[data-testid=account-row]").await?;
    window.click("[data-testid=account-sync]").await?;
    window
        .wait_for_script(
            "the account's feed under its account in the sources pane",
            "return [...document.querySelectorAll('[data-testid=account-group]')].some(g => g.textContent.includes('127.0.0.1'))",
        )
        .await?;
    window.screenshot("settings-accounts-fa").await?;

    // Read and bookmark in the window.
    window.click("[data-testid=nav-library]").await?;
    window
        .wait_for_script(
            "the account's article in the list",
            &format!(
                "return [...document.querySelectorAll('[data-testid=article-row]')].some(r => r.textContent.includes({}))",
                json!(TITLE)
            ),
        )
        .await?;
    window
        .eval_with(
            "[...document.querySelectorAll('[data-testid=article-row]')].find(r => r.textContent.includes(arguments[0]))?.click()",
            vec![json!(TITLE)],
        )
        .await?;
    window.find("[data-testid=reader-body]").await?;
    let text = window
        .eval_string("return document.querySelector('[data-testid=reader-title]').innerText")
        .await?;
    assert!(
        text.contains('\u{200C}'),
        "the title's half-space is intact: {text}"
    );
    window.click("[data-testid=reader-bookmark]").await?;
    window.screenshot("account-article-fa").await?;
    window.click("[data-testid=nav-settings]").await?;
    window.click("[data-testid=account-sync]").await?;
    window
        .wait_for_script(
            "nothing left to send",
            "return document.querySelector('[data-testid=account-pending]')?.dataset.count === '0'",
        )
        .await?;

    // The other device sees the read and the bookmark.
    other_device(&other, &["sync", "--account", "1"])?;
    let listed = other_device(&other, &["list", "--all"])?;
    let article = listed
        .iter()
        .find(|a| a["title"] == TITLE)
        .ok_or("the other device has the article")?;
    assert_eq!(
        article["read"], true,
        "read in the window is read on the other device"
    );
    assert!(
        article["bookmarkedAt"].is_number(),
        "bookmarked in the window is a bookmark on the other device: {article}"
    );

    window.switch_to_english().await?;
    window.click("[data-testid=nav-settings]").await?;
    window.find("[data-testid=account-row]").await?;
    window.screenshot("settings-accounts-en").await?;
    window.quit().await?;
    Ok(())
}
