//! End to end on a filtered network: a SOCKS5 proxy (a real microsocks on
//! 127.0.0.1) chosen in Settings, Network with the Iran preset; a feed the
//! filter blocks (a server on 127.0.0.2 that serves the filter's block page
//! to direct connections) read through the proxy, then marked filtered when
//! its own route is direct; and the one no-connection notice when nothing
//! answers.

use std::process::Command;

use crate::proxies::RunningProxy;
use crate::server::{Route, TestServer};
use barg_e2e::{barg_binary, Desktop, Result, Window};

fn feed(title: &str) -> String {
    let body = "این خبر از پشت فیلتر رسیده است و متنش کامل است. ".repeat(12);
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{title}</title>\
         <link>http://news.invalid/</link><item><guid>{title}-1</guid><link>http://news.invalid/1</link>\
         <title>گزارش {title}</title><pubDate>Mon, 24 Nov 2025 10:00:00 +0330</pubDate>\
         <description><![CDATA[<p>{body}</p>]]></description></item></channel></rss>"
    )
}

fn barg(data_dir: &std::path::Path, args: &[&str]) -> Result<serde_json::Value> {
    let output = Command::new(barg_binary())
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--json")
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .output()?;
    if !output.status.success() {
        return Err(format!("barg {args:?}: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    Ok(serde_json::from_str(
        stdout.lines().next().unwrap_or("null"),
    )?)
}

async fn sync_and_wait(window: &Window) -> Result<()> {
    window
        .eval("window.__syncDone = false; new MutationObserver((_, o) => { if (document.querySelector('[data-testid=sync-summary]')) { window.__syncDone = true; o.disconnect(); } }).observe(document.body, { subtree: true, childList: true });")
        .await?;
    if !window
        .find_all("[data-testid=sync-dismiss]")
        .await?
        .is_empty()
    {
        window.click("[data-testid=sync-dismiss]").await?;
    }
    window.click("[data-testid=sync-button]").await?;
    window
        .wait_for_script("the sync to end", "return window.__syncDone === true || !!document.querySelector('[data-testid=offline-notice]');")
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_socks5_proxy_and_the_iran_preset_read_a_filtered_feed_and_an_outage_is_one_notice(
) -> Result<()> {
    let mut proxy = RunningProxy::socks(None);
    let filtered = TestServer::start_on("127.0.0.2");
    filtered.route(
        "/feed.xml",
        Route::FilteredUnlessProxied(Box::new(Route::body(
            feed("فیلترشده"),
            "application/rss+xml",
        ))),
    );
    let desktop = Desktop::start()?;
    let data_dir = desktop.new_data_dir("network")?;
    // Subscribed while a proxy was set by hand, then everything direct.
    barg(
        &data_dir,
        &[
            "proxy",
            "set",
            &format!("socks5h://127.0.0.1:{}", proxy.port),
        ],
    )?;
    let added = barg(&data_dir, &["feeds", "add", &filtered.url("/feed.xml")])?;
    let feed_id = added["id"].as_i64().unwrap();
    barg(&data_dir, &["route", "preset", "direct"])?;

    let window = desktop.launch(&data_dir).await?;
    window.decline_feed_offer().await?;
    window.click("[data-testid=nav-settings]").await?;
    window.find("[data-testid=network-settings]").await?;
    window
        .wait_for_script(
            "the saved proxy in the form",
            "return document.querySelector('[data-testid=network-proxy-url]')?.value.startsWith('socks5h://127.0.0.1:');",
        )
        .await?;
    window.set_select("network-policy", "iran").await?;
    window.click("[data-testid=network-save]").await?;
    window.find("[data-testid=network-saved]").await?;
    window.screenshot("network-settings-fa").await?;
    let stored = barg(&data_dir, &["proxy", "show"])?;
    assert_eq!(
        stored["policy"], "iran",
        "the preset chosen in the window is stored: {stored}"
    );

    // Sync: the filtered feed comes through the proxy.
    window.click("[data-testid=nav-library]").await?;
    sync_and_wait(&window).await?;
    let listed = barg(&data_dir, &["feeds", "list"])?;
    assert_eq!(
        listed["routeWorked"], "proxy",
        "the feed was read through the proxy: {listed}"
    );
    assert!(
        window
            .find_all("[data-testid=source-filtered]")
            .await?
            .is_empty(),
        "not marked filtered while the proxy reads it"
    );

    // Its own route, direct: the filter answers, and the feed is marked.
    barg(
        &data_dir,
        &["feeds", "route", &feed_id.to_string(), "direct"],
    )?;
    sync_and_wait(&window).await?;
    window.find("[data-testid=source-filtered]").await?;
    window.screenshot("network-filtered-fa").await?;

    // The connection goes (the proxy and the server stop): one notice.
    barg(
        &data_dir,
        &["feeds", "route", &feed_id.to_string(), "default"],
    )?;
    proxy.stop();
    filtered.stop();
    sync_and_wait(&window).await?;
    let notice = window.text_of("[data-testid=offline-notice]").await?;
    assert!(
        notice.contains("اتصالی نیست"),
        "one notice says there is no connection: {notice}"
    );
    assert!(
        window
            .find_all("[data-testid=sync-failure]")
            .await?
            .is_empty(),
        "not one error per feed"
    );
    assert!(
        !window
            .find_all("[data-testid=article-row]")
            .await?
            .is_empty(),
        "the library is all there"
    );
    window.screenshot("network-offline-fa").await?;

    // The same in English: the interface mirrors, the Persian titles keep
    // their own direction.
    window.switch_to_english().await?;
    window.find("[data-testid=network-settings]").await?;
    window
        .eval("document.querySelector('[data-testid=network-settings]').scrollIntoView({ block: 'start' })")
        .await?;
    window.screenshot("network-settings-en").await?;
    window.click("[data-testid=nav-library]").await?;
    let notice = window.text_of("[data-testid=offline-notice]").await?;
    assert!(
        notice.contains("No connection"),
        "the notice in English: {notice}"
    );
    window.screenshot("network-offline-en").await?;
    window.quit().await?;
    Ok(())
}
