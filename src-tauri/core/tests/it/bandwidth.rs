//! Low bandwidth and summaries, against a real HTTP server on 127.0.0.1:
//! no article stays a summary for good (later syncs and the reader fetch
//! what a sync's page budget left), a feed's image policy, and text only.

use std::sync::Arc;
use std::time::Duration;

use crate::support::server::{Route, TestServer, TINY_PNG};
use crate::support::{fixture, NOW};
use barg_core::feeds::fetch::{Fetcher, Limits};
use barg_core::feeds::images::{image_urls, ImageCache};
use barg_core::feeds::pages::{fetch_article_page, PageFetch};
use barg_core::feeds::sync::{self, SyncOptions};
use barg_core::feeds::{Cancel, ImagePolicy};
use barg_core::network::{NetworkSettings, Proxy};
use barg_core::{ArticleFilter, ArticleSummary, Library, SearchQuery};

fn fetcher(text_only: bool) -> Arc<Fetcher> {
    let limits = Limits {
        timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(2),
        retries: 0,
        ..Limits::default()
    };
    let settings = NetworkSettings {
        proxy: Proxy::None,
        text_only,
        ..Default::default()
    };
    Arc::new(Fetcher::with_network(limits, settings, None).unwrap())
}

fn open(dir: &tempfile::TempDir) -> Arc<Library> {
    Arc::new(Library::open(&dir.path().join("library.sqlite")).unwrap())
}

fn articles(library: &Library) -> Vec<ArticleSummary> {
    library
        .list_articles(&ArticleFilter {
            limit: 500,
            ..Default::default()
        })
        .unwrap()
}

fn summaries_left(library: &Library) -> usize {
    articles(library).iter().filter(|a| a.summary_only).count()
}

async fn sync_all(
    library: &Arc<Library>,
    fetcher: &Arc<Fetcher>,
    cache: Option<&ImageCache>,
    now: i64,
) -> sync::SyncReport {
    let options = SyncOptions {
        images: cache.cloned(),
        ..SyncOptions::default()
    };
    let report = sync::sync(
        library,
        fetcher,
        None,
        &options,
        now,
        &Cancel::default(),
        |_| {},
    )
    .await
    .expect("a sync never fails as a whole");
    assert!(
        report.failed.is_empty(),
        "no feed fails: {:?}",
        report.failed
    );
    report
}

/// A page with a long Persian article (ISNA), the text a summary leads to.
fn news_page() -> Vec<u8> {
    fixture("html/persian-news-pages/api/fixtures/www.isna.ir/1558105248971.html")
}

/// An RSS feed of `items` (each already an `<item>`).
fn rss(items: &str) -> String {
    format!("<rss version=\"2.0\"><channel><title>خبرها</title>{items}</channel></rss>")
}

fn summary_item(server: &TestServer, n: u32) -> String {
    format!(
        "<item><guid>s{n}</guid><link>{}</link><title>خبر {n}</title>\
         <description>خلاصهٔ کوتاه خبر شمارهٔ {n}</description></item>",
        server.url(&format!("/story/{n}.html"))
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_summaries_one_sync_leaves_get_their_pages_on_the_next() {
    let server = TestServer::start();
    let items: String = (1..=30).map(|n| summary_item(&server, n)).collect();
    for n in 1..=30 {
        server.route(
            &format!("/story/{n}.html"),
            Route::body(news_page(), "text/html; charset=utf-8"),
        );
    }
    // With an ETag, the second sync is a 304: the summaries still get
    // their pages although the feed brought nothing.
    server.route(
        "/f.xml",
        Route::body(rss(&items), "application/rss+xml").with_etag("v1"),
    );
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    library
        .add_feed(&server.url("/f.xml"), "خبرها", None, None, NOW)
        .unwrap();
    let fetcher = fetcher(false);

    sync_all(&library, &fetcher, None, NOW).await;
    assert_eq!(articles(&library).len(), 30, "every item is stored");
    assert_eq!(
        summaries_left(&library),
        10,
        "one sync fetches at most 20 pages of a feed: 10 stay summaries, marked so"
    );

    sync_all(&library, &fetcher, None, NOW + 3600).await;
    assert_eq!(
        summaries_left(&library),
        0,
        "the next sync fetches the pages the first one had no budget for"
    );
    let pages: u32 = (1..=30)
        .map(|n| server.hits(&format!("/story/{n}.html")))
        .sum();
    assert_eq!(pages, 30, "each page was fetched once, none twice");
    for article in articles(&library) {
        let text = library.article(article.id).unwrap().body_text;
        assert!(
            text.chars().count() > 600,
            "«{}» reads as the whole article, not its summary",
            article.title
        );
    }
    let third = sync_all(&library, &fetcher, None, NOW + 7200).await;
    assert_eq!(
        (third.added, third.updated),
        (0, 0),
        "an article filled later is still recognised as the same item"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opening_a_summary_fetches_its_page_within_the_bandwidth_policy() {
    let server = TestServer::start();
    server.route(
        "/story/1.html",
        Route::body(news_page(), "text/html; charset=utf-8"),
    );
    server.route("/story/2.html", Route::Status(503));
    let items = format!("{}{}", summary_item(&server, 1), summary_item(&server, 2));
    server.route("/f.xml", Route::body(rss(&items), "application/rss+xml"));
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let feed = library
        .add_feed(&server.url("/f.xml"), "خبرها", None, None, NOW)
        .unwrap();
    library.set_fetch_full_text(feed, false).unwrap();
    let (direct, text_only) = (fetcher(false), fetcher(true));
    sync_all(&library, &direct, None, NOW).await;
    assert_eq!(server.hits("/story/1.html"), 0, "the feed fetches no pages");
    let stored = articles(&library);
    let first = stored.iter().find(|a| a.title == "خبر 1").unwrap();
    let second = stored.iter().find(|a| a.title == "خبر 2").unwrap();
    assert!(first.summary_only, "the list shows it is still a summary");

    let open = |fetcher: &Arc<Fetcher>, id: i64, asked: bool| {
        let (library, fetcher) = (Arc::clone(&library), Arc::clone(fetcher));
        async move {
            fetch_article_page(&library, &fetcher, None, id, asked, NOW, &Cancel::default()).await
        }
    };
    assert_eq!(
        open(&direct, first.id, false).await.unwrap(),
        PageFetch::Skipped,
        "opening it does not fetch the page of a feed that fetches none"
    );
    library.set_fetch_full_text(feed, true).unwrap();
    assert_eq!(
        open(&text_only, first.id, false).await.unwrap(),
        PageFetch::Skipped,
        "nor with text only on"
    );
    assert_eq!(server.hits("/story/1.html"), 0, "nothing was downloaded");

    assert_eq!(
        open(&text_only, first.id, true).await.unwrap(),
        PageFetch::Filled,
        "asked for, the page comes even with text only on"
    );
    let filled = library.article(first.id).unwrap();
    assert!(
        filled.body_text.chars().count() > 600 && !filled.summary.summary_only,
        "the reader now shows the whole article"
    );
    assert!(
        filled.body_text.contains('\u{200C}'),
        "the page's half-spaces are intact"
    );
    let word = filled
        .body_text
        .split_whitespace()
        .find(|w| {
            w.chars().count() > 5 && w.chars().all(|c| ('\u{0621}'..='\u{06CC}').contains(&c))
        })
        .unwrap()
        .to_owned();
    let hits = library
        .search(&SearchQuery {
            text: word.clone(),
            limit: 5,
            ..Default::default()
        })
        .unwrap()
        .hits;
    assert!(
        hits.iter().any(|h| h.article.id == first.id),
        "a word only the page has («{word}») finds the article"
    );
    assert_eq!(
        open(&direct, first.id, true).await.unwrap(),
        PageFetch::NotSummary,
        "a whole article has no page to fetch"
    );

    let failed = open(&direct, second.id, true).await.unwrap_err();
    assert_eq!(
        failed.code().as_str(),
        "http-status",
        "the page's failure is told"
    );
    let kept = library.article(second.id).unwrap();
    assert!(
        kept.summary.summary_only && kept.body_text.contains("خلاصهٔ کوتاه"),
        "a page that fails loses nothing: the summary stays, marked"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feeds_image_policy_and_text_only_bound_what_a_sync_downloads() {
    let server = TestServer::start();
    for name in ["a1", "b1", "a2", "b2", "a3", "b3"] {
        server.route(&format!("/{name}.png"), Route::body(TINY_PNG, "image/png"));
    }
    server.route(
        "/story/9.html",
        Route::body(news_page(), "text/html; charset=utf-8"),
    );
    let long_text = "این متن کامل خبر است و خلاصه نیست. ".repeat(30);
    let item = |n: u32| {
        format!(
            "<item><guid>i{n}</guid><link>http://news.invalid/{n}</link><title>عکس‌دار {n}</title>\
             <description><![CDATA[<p>{n} {long_text}</p><img src=\"{}\"><img src=\"{}\">]]></description></item>",
            server.url(&format!("/a{n}.png")),
            server.url(&format!("/b{n}.png"))
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let cache = ImageCache::new(dir.path().join("images"), 50 * 1024 * 1024);
    let feed = library
        .add_feed(&server.url("/f.xml"), "عکس‌ها", None, None, NOW)
        .unwrap();
    assert_eq!(
        library.sources().unwrap()[0].images,
        ImagePolicy::All,
        "a feed downloads every image unless told otherwise"
    );

    library.set_feed_images(feed, ImagePolicy::First).unwrap();
    server.route("/f.xml", Route::body(rss(&item(1)), "application/rss+xml"));
    sync_all(&library, &fetcher(false), Some(&cache), NOW).await;
    assert_eq!(
        (server.hits("/a1.png"), server.hits("/b1.png")),
        (1, 0),
        "first image: only each article's first picture is downloaded"
    );

    library.set_feed_images(feed, ImagePolicy::None).unwrap();
    server.route(
        "/f.xml",
        Route::body(
            rss(&format!("{}{}", item(1), item(2))),
            "application/rss+xml",
        ),
    );
    sync_all(&library, &fetcher(false), Some(&cache), NOW + 60).await;
    assert_eq!(
        (server.hits("/a2.png"), server.hits("/b2.png")),
        (0, 0),
        "no images: none is downloaded"
    );

    // Text only: neither images nor pages, whatever the feed says.
    library.set_feed_images(feed, ImagePolicy::All).unwrap();
    server.route(
        "/f.xml",
        Route::body(
            rss(&format!(
                "{}{}{}",
                item(1),
                item(3),
                summary_item(&server, 9)
            )),
            "application/rss+xml",
        ),
    );
    sync_all(&library, &fetcher(true), Some(&cache), NOW + 120).await;
    assert_eq!(
        (
            server.hits("/a3.png"),
            server.hits("/b3.png"),
            server.hits("/story/9.html")
        ),
        (0, 0, 0),
        "text only downloads the feed and nothing else"
    );
    assert_eq!(summaries_left(&library), 1, "the summary waits, marked");

    // The reader's "load images", one article at a time.
    let third = articles(&library)
        .into_iter()
        .find(|a| a.title == "عکس‌دار 3")
        .unwrap();
    let urls = image_urls(&library.article(third.id).unwrap().body_html);
    assert_eq!(cache.missing(&library, &urls).unwrap().len(), 2);
    cache
        .fetch_for(
            &library,
            &fetcher(true),
            vec![(third.id, urls.clone())],
            NOW,
            &Cancel::default(),
        )
        .await
        .unwrap();
    assert_eq!(
        cache.missing(&library, &urls).unwrap().len(),
        0,
        "asked for, the article's images come, text only or not"
    );
    assert_eq!(server.hits("/a2.png"), 0, "and only that article's");
}
