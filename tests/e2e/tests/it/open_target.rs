//! End to end: what the desktop hands Barg while its window is open. A
//! second `barg LIST.opml` (a file manager opening an OPML list) and a
//! second `barg feed://…` (a browser's "subscribe" link) hand their
//! arguments to the open window through the session bus and exit; the
//! window subscribes and says so. (A launch that did not hand over would
//! open its own window and not exit: `launch_again` fails after 30 s.)

use crate::server::{Route, TestServer};
use barg_e2e::{Desktop, Result};

fn feed(title: &str, item: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{title}</title>\
         <link>http://news.invalid/</link><item><guid>1</guid><title>{item}</title>\
         <description>متن خبر</description></item></channel></rss>"
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_launch_hands_an_opml_list_and_a_feed_link_to_the_open_window() -> Result<()> {
    let server = TestServer::start();
    server.route(
        "/a.xml",
        Route::body(feed("خبرنامهٔ نخست", "خبر نخست"), "application/rss+xml"),
    );
    server.route(
        "/b.xml",
        Route::body(feed("خبرنامهٔ دوم", "خبر دوم"), "application/rss+xml"),
    );
    let desktop = Desktop::start_with_session_bus()?;
    let data_dir = desktop.new_data_dir("open-target")?;
    let window = desktop.launch(&data_dir).await?;
    window.decline_feed_offer().await?;

    let list = data_dir.parent().ok_or("a parent")?.join("اشتراک‌ها.opml");
    std::fs::write(
        &list,
        format!(
            "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>\
             <outline text=\"خبرنامهٔ نخست\" type=\"rss\" xmlUrl=\"{}\"/></body></opml>",
            server.url("/a.xml")
        ),
    )?;
    let handed = desktop.launch_again(&data_dir, &[list.to_str().ok_or("a path")?])?;
    assert!(
        handed.status.success(),
        "the second launch handed over and exited: {}",
        String::from_utf8_lossy(&handed.stderr)
    );
    window
        .wait_for_script(
            "the window says the list was subscribed to",
            "return document.querySelector('[data-testid=opened-notice]')?.dataset.kind === 'subscribed'",
        )
        .await?;
    window
        .wait_for_script(
            "the list's feed in the sources pane",
            "return document.querySelector('[data-testid=pane-sources]')?.textContent.includes('خبرنامهٔ نخست')",
        )
        .await?;
    window
        .wait_for_script(
            "its article, synced at once",
            "return [...document.querySelectorAll('[data-testid=article-row]')].some(r => r.textContent.includes('خبر نخست'))",
        )
        .await?;
    window.screenshot("opened-opml-fa").await?;

    // A browser's feed:// link, the same way.
    let link = server.url("/b.xml").replacen("http://", "feed://", 1);
    let handed = desktop.launch_again(&data_dir, &[&link])?;
    assert!(handed.status.success(), "the link was handed over");
    window
        .wait_for_script(
            "the linked feed in the sources pane",
            "return document.querySelector('[data-testid=pane-sources]')?.textContent.includes('خبرنامهٔ دوم')",
        )
        .await?;
    window.quit().await?;
    Ok(())
}
