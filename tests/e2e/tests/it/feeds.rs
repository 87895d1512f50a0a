//! End to end, in the real window: subscribe to a feed on a real HTTP
//! server on 127.0.0.1, sync it with the progress bar, stop the server (the
//! network is gone), then read an article with its image, which loads from
//! the offline cache.

use crate::server::{Route, TestServer, TINY_PNG};
use barg_e2e::{Desktop, Result, Window};
use serde_json::json;

const STORY_TITLE: &str = "آزمون خوراک: گزارش تازه‌ای با عکس";

/// The feed with `count` items; the newest (n = 0) is the story with the image.
fn feed(server: &TestServer, count: usize) -> String {
    let body = "این گزارش برای آزمودن خواندن بی‌اینترنت نوشته شده است. ".repeat(20);
    let items: String = (12 - count..12)
        .map(|n| {
            let title = if n == 0 { STORY_TITLE.to_owned() } else { format!("خبر شمارهٔ {n}") };
            format!(
                "<item><guid>e2e-{n}</guid><link>http://news.invalid/{n}</link><title>{title}</title>\
                 <pubDate>Mon, 24 Nov 2025 10:{m}:00 +0330</pubDate>\
                 <description><![CDATA[<p>{body}</p><p><img src=\"{img}\" alt=\"عکس خبر\" width=\"120\" height=\"80\"></p>]]></description></item>",
                m = 59 - n,
                img = server.url("/photo.png"),
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>خبرگزاری آزمون</title>\
         <link>http://news.invalid/</link>{items}</channel></rss>"
    )
}

async fn type_into(window: &Window, css: &str, text: &str) -> Result<()> {
    window.find(css).await?.send_keys(text).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subscribe_sync_then_read_with_images_while_offline() -> Result<()> {
    let server = TestServer::start();
    server.route(
        "/news.xml",
        Route::body(feed(&server, 11), "application/rss+xml"),
    );
    server.route("/photo.png", Route::body(TINY_PNG, "image/png"));

    let desktop = Desktop::start()?;
    let data_dir = desktop.new_data_dir("feeds")?;
    let window = desktop.launch(&data_dir).await?;

    // A first start offers Persian feeds; the user says no thanks.
    window.find("[data-testid=default-feeds-offer]").await?;
    window.screenshot("feeds-offer-fa").await?;
    window.click("[data-testid=default-feeds-dismiss]").await?;

    window.click("[data-testid=feed-add-button]").await?;
    type_into(
        &window,
        "[data-testid=feed-add-url]",
        &server.url("/news.xml"),
    )
    .await?;
    window.click("[data-testid=feed-add-submit]").await?;
    window
        .wait_for_script(
            "the new feed in the sources pane",
            "return [...document.querySelectorAll('[data-testid=source-item]')].some(e => e.dataset.kind === 'feed')",
        )
        .await?;

    // Adding a feed fetches its articles at once; then the story arrives.
    window
        .wait_for_script(
            "the feed's first articles",
            "return Number(document.querySelector('[data-testid=article-list]')?.dataset.totalRows) >= 11",
        )
        .await?;
    server.route(
        "/news.xml",
        Route::body(feed(&server, 12), "application/rss+xml"),
    );

    // Watch for the progress bar, then sync.
    window
        .eval(
            "window.__sawProgress = false;
             new MutationObserver(() => { if (document.querySelector('[data-testid=sync-progress]')) window.__sawProgress = true; })
               .observe(document.body, { childList: true, subtree: true });",
        )
        .await?;
    window.click("[data-testid=sync-button]").await?;
    window.find("[data-testid=sync-summary]").await?;
    let summary = window.text_of("[data-testid=sync-summary]").await?;
    assert!(
        summary.contains("۱"),
        "the summary counts the one new article in Persian digits: {summary}"
    );
    assert_eq!(
        window.eval("return window.__sawProgress").await?,
        json!(true),
        "a progress bar showed while syncing"
    );
    assert_eq!(
        server.hits("/photo.png"),
        1,
        "the image was fetched once, by Barg's fetcher, into the cache"
    );
    window.screenshot("feeds-synced-fa").await?;

    // The network goes away.
    server.stop();

    window
        .eval("document.querySelector('[data-testid=source-item][data-kind=feed]').click()")
        .await?;
    window
        .wait_for_script(
            "the feed's articles",
            &format!(
                "return [...document.querySelectorAll('[data-testid=article-row] .article-title')].some(e => e.textContent.trim() === {})",
                json!(STORY_TITLE)
            ),
        )
        .await?;
    window
        .eval_with(
            "[...document.querySelectorAll('[data-testid=article-row]')].find(r => r.querySelector('.article-title').textContent.trim() === arguments[0]).click()",
            vec![json!(STORY_TITLE)],
        )
        .await?;
    window.find("[data-testid=reader-body] img").await?;
    window
        .wait_for_script(
            "the image to load",
            "const img = document.querySelector('[data-testid=reader-body] img'); return img.complete && img.naturalWidth > 0",
        )
        .await?;
    let src = window
        .eval_string(
            "return document.querySelector('[data-testid=reader-body] img').getAttribute('src')",
        )
        .await?;
    assert!(
        src.starts_with("barg-image://") || src.starts_with("http://barg-image.localhost/"),
        "the reader loads the image from the offline cache, not the network: {src}"
    );
    window.screenshot("feeds-offline-reader-fa").await?;
    window.quit().await?;
    Ok(())
}
