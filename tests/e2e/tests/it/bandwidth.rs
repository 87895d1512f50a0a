//! End to end on a slow line: a library synced with text only on (feeds
//! only, no pages, no images), then read in the window. Opening a summary
//! fetches its page at once; one whose page fails stays a marked summary
//! with the reason and a button that fetches it when asked; an article's
//! skipped images come with "load images". In Persian and in English.

use std::process::Command;

use crate::server::{Route, TestServer, TINY_PNG};
use barg_e2e::{barg_binary, Desktop, Result, Window};
use serde_json::json;

const NEWS_PAGE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../src-tauri/core/tests/fixtures/html/persian-news-pages/api/fixtures/www.isna.ir/1558105248971.html"
);

fn barg(data_dir: &std::path::Path, args: &[&str]) -> Result<()> {
    let output = Command::new(barg_binary())
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .output()?;
    if !output.status.success() {
        return Err(format!("barg {args:?}: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    Ok(())
}

fn feed(server: &TestServer) -> String {
    let long_text = "این گزارش متن کامل دارد و خلاصه نیست؛ عکسش را می‌توان بعداً گرفت. ".repeat(12);
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>خبرگزاری</title>\
         <link>http://news.invalid/</link>\
         <item><guid>a</guid><link>{}</link><title>خبر با صفحه</title>\
         <pubDate>Mon, 24 Nov 2025 10:00:00 +0330</pubDate><description>خلاصهٔ کوتاه خبر نخست</description></item>\
         <item><guid>b</guid><link>{}</link><title>خبر با صفحهٔ ازکارافتاده</title>\
         <pubDate>Mon, 24 Nov 2025 09:00:00 +0330</pubDate><description>خلاصهٔ کوتاه خبر دوم</description></item>\
         <item><guid>d</guid><link>{}</link><title>خبر سوم بی‌صفحه</title>\
         <pubDate>Mon, 24 Nov 2025 07:00:00 +0330</pubDate><description>خلاصهٔ کوتاه خبر سوم</description></item>\
         <item><guid>c</guid><link>http://news.invalid/c</link><title>گزارش تصویری</title>\
         <pubDate>Mon, 24 Nov 2025 08:00:00 +0330</pubDate>\
         <description><![CDATA[<p>{long_text}</p><img src=\"{}\" alt=\"عکس\">]]></description></item>\
         </channel></rss>",
        server.url("/a.html"),
        server.url("/b.html"),
        server.url("/d.html"),
        server.url("/c.png"),
    )
}

async fn open_article(window: &Window, title: &str) -> Result<()> {
    window
        .wait_for_script(
            "the article in the list",
            &format!(
                "return [...document.querySelectorAll('[data-testid=article-row]')].some(r => r.textContent.includes({}))",
                json!(title)
            ),
        )
        .await?;
    window
        .eval_with(
            "[...document.querySelectorAll('[data-testid=article-row]')].find(r => r.textContent.includes(arguments[0]))?.click()",
            vec![json!(title)],
        )
        .await?;
    window.find("[data-testid=reader-body]").await?;
    Ok(())
}

async fn reader_chars(window: &Window) -> Result<i64> {
    Ok(window
        .eval("return document.querySelector('[data-testid=reader-body]').innerText.length")
        .await?
        .as_i64()
        .unwrap_or(0))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn summaries_fetch_their_pages_on_opening_or_when_asked_and_images_load_when_asked(
) -> Result<()> {
    let server = TestServer::start();
    server.route(
        "/a.html",
        Route::body(std::fs::read(NEWS_PAGE)?, "text/html; charset=utf-8"),
    );
    server.route("/b.html", Route::Status(503));
    server.route("/d.html", Route::Status(404));
    server.route("/c.png", Route::body(TINY_PNG, "image/png"));
    server.route("/f.xml", Route::body(feed(&server), "application/rss+xml"));
    let desktop = Desktop::start()?;
    let data_dir = desktop.new_data_dir("bandwidth")?;
    barg(&data_dir, &["feeds", "add", &server.url("/f.xml")])?;
    barg(&data_dir, &["net", "text-only", "on"])?;
    barg(&data_dir, &["sync"])?;
    barg(&data_dir, &["net", "text-only", "off"])?;
    assert_eq!(
        server.hits("/a.html") + server.hits("/c.png"),
        0,
        "text only: the sync fetched the feed only"
    );

    let window = desktop.launch(&data_dir).await?;
    window.decline_feed_offer().await?;
    let marks = window.find_all("[data-testid=row-summary-mark]").await?;
    assert_eq!(marks.len(), 3, "the list marks the three summaries");

    // Opening a summary fetches its page at once.
    open_article(&window, "خبر با صفحه").await?;
    window
        .wait_for_script(
            "the whole article in the reader",
            "return document.querySelector('[data-testid=reader-body]')?.innerText.length > 600 && !document.querySelector('[data-testid=reader-summary-notice]')",
        )
        .await?;
    assert_eq!(server.hits("/a.html"), 1, "its page was fetched once");
    let text = window
        .eval_string("return document.querySelector('[data-testid=reader-body]').innerText")
        .await?;
    assert!(
        text.contains('\u{200C}'),
        "the page's half-spaces are intact"
    );

    // A page that fails: the summary stays, marked, with the reason.
    open_article(&window, "خبر با صفحهٔ ازکارافتاده").await?;
    window.find("[data-testid=reader-summary-notice]").await?;
    window.find("[data-testid=reader-fetch-page]").await?;
    assert!(
        reader_chars(&window).await? < 600,
        "the reader shows the summary"
    );
    window.screenshot("reader-summary-fa").await?;
    // When the page is back, the button fetches it.
    server.route(
        "/b.html",
        Route::body(std::fs::read(NEWS_PAGE)?, "text/html; charset=utf-8"),
    );
    window.click("[data-testid=reader-fetch-page]").await?;
    window
        .wait_for_script(
            "the page fetched when asked",
            "return document.querySelector('[data-testid=reader-body]')?.innerText.length > 600 && !document.querySelector('[data-testid=reader-summary-notice]')",
        )
        .await?;

    // The images text only skipped come when asked.
    open_article(&window, "گزارش تصویری").await?;
    window.find("[data-testid=reader-load-images]").await?;
    window.screenshot("reader-load-images-fa").await?;
    window.click("[data-testid=reader-load-images]").await?;
    window
        .wait_for_script(
            "the image loaded from the cache",
            "const img = document.querySelector('[data-testid=reader-body] img'); return !!img && img.complete && img.naturalWidth > 0 && !document.querySelector('[data-testid=reader-load-images]');",
        )
        .await?;
    assert_eq!(server.hits("/c.png"), 1, "the image was fetched once");
    // In English the interface mirrors; a summary is still marked.
    window.switch_to_english().await?;
    window.click("[data-testid=nav-library]").await?;
    open_article(&window, "خبر سوم بی‌صفحه").await?;
    let notice = window
        .text_of("[data-testid=reader-summary-notice]")
        .await?;
    assert!(
        notice.to_lowercase().contains("summary"),
        "the notice speaks English: {notice}"
    );
    window.screenshot("reader-summary-en").await?;
    window.quit().await?;
    Ok(())
}
