//! Feeds synced from a real HTTP server on 127.0.0.1 serving the real feed
//! files in `fixtures/` and cases it makes up: 304s, redirects, a redirect
//! loop, a server too slow, a body over the limit, a gzip bomb, a wrong
//! charset, a page that announces its feed, full text, images, and the
//! network going away.

use std::sync::Arc;
use std::time::Duration;

use crate::support::server::{Route, TestServer, TINY_PNG};
use barg_core::feeds::fetch::{Fetcher, Limits};
use barg_core::feeds::images::ImageCache;
use barg_core::feeds::sync::{self, SyncOptions};
use barg_core::feeds::Cancel;
use barg_core::{ArticleFilter, Library};

use crate::support::{fixture, NOW};

fn open(dir: &tempfile::TempDir) -> Arc<Library> {
    Arc::new(Library::open(&dir.path().join("library.sqlite")).expect("a new library"))
}

fn fetcher(limits: Limits) -> Arc<Fetcher> {
    Arc::new(Fetcher::new(limits).expect("an HTTP client"))
}

fn quick_limits() -> Limits {
    Limits {
        timeout: Duration::from_secs(2),
        connect_timeout: Duration::from_secs(1),
        max_body: 2 * 1024 * 1024,
        retries: 1,
        backoff: Duration::from_millis(50),
        ..Limits::default()
    }
}

fn articles_of(library: &Library, source: i64) -> Vec<barg_core::ArticleSummary> {
    library
        .list_articles(&ArticleFilter {
            source_id: Some(source),
            limit: 500,
            ..Default::default()
        })
        .unwrap()
}

async fn sync_all(library: &Arc<Library>, fetcher: &Arc<Fetcher>, now: i64) -> sync::SyncReport {
    sync_with(library, fetcher, &SyncOptions::default(), now).await
}

async fn sync_with(
    library: &Arc<Library>,
    fetcher: &Arc<Fetcher>,
    options: &SyncOptions,
    now: i64,
) -> sync::SyncReport {
    sync::sync(
        library,
        fetcher,
        None,
        options,
        now,
        &Cancel::default(),
        |_| {},
    )
    .await
    .expect("a sync never fails as a whole")
}

/// (served path, fixture, content type, items the file holds)
const REAL_FEEDS: &[(&str, &str, &str, usize)] = &[
    ("/hoder.xml", "feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml", "application/rss+xml", 0),
    ("/docsy.xml", "feeds/persian/deining__docsy-example/fa/blog/index.xml", "application/rss+xml; charset=utf-8", 0),
    ("/urdu.xml", "feeds/rtl-other/miniflux__v2/internal/reader/parser/testdata/urdu_UTF8.xml", "text/xml", 0),
    // The server claims windows-1256 but sends UTF-8: the bytes win.
    ("/hamakor.xml", "feeds/rtl-other/miniflux__miniflux-legacy/vendor/fguillot/picofeed/tests/fixtures/hamakor.xml", "application/rss+xml; charset=windows-1256", 0),
    ("/feed.json", "feeds/tricky/adbar__trafilatura/tests/resources/feed.json", "application/feed+json", 0),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn real_feeds_sync_completely_once_and_then_cost_a_304() {
    let server = TestServer::start();
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let fetcher = fetcher(quick_limits());
    let mut expected = Vec::new();
    for (path, file, content_type, _) in REAL_FEEDS {
        let bytes = fixture(file);
        let text = barg_core::ingest::decode::decode(&bytes).text;
        let items = barg_core::ingest::feed::parse(&text, None)
            .unwrap_or_else(|e| panic!("{file} parses: {e}"))
            .items
            .len();
        server.route(path, Route::body(bytes, content_type).with_etag(path));
        let id = library
            .add_feed(&server.url(path), path, None, None, NOW)
            .unwrap();
        expected.push((id, *path, items));
    }
    let report = sync_all(&library, &fetcher, NOW).await;
    assert!(
        report.failed.is_empty(),
        "every real feed syncs: {:?}",
        report.failed
    );
    for (id, path, items) in &expected {
        let stored = articles_of(&library, *id).len();
        // Items with the same content as another are stored once.
        assert!(
            stored <= *items && stored * 10 >= *items * 9,
            "{path}: {stored} of {items} items stored"
        );
    }
    let hamakor = expected.iter().find(|e| e.1 == "/hamakor.xml").unwrap().0;
    let title = &articles_of(&library, hamakor)[0].title;
    assert!(
        title
            .chars()
            .any(|c| ('\u{05D0}'..='\u{05EA}').contains(&c)),
        "Hebrew sent as UTF-8 under a wrong windows-1256 header reads as Hebrew: {title}"
    );
    let total: usize = expected
        .iter()
        .map(|(id, ..)| articles_of(&library, *id).len())
        .sum();

    let again = sync_all(&library, &fetcher, NOW + 600).await;
    assert_eq!(
        (again.added, again.updated),
        (0, 0),
        "nothing new on the second sync"
    );
    assert_eq!(
        again.unchanged,
        REAL_FEEDS.len() as u64,
        "every feed answered 304"
    );
    let after: usize = expected
        .iter()
        .map(|(id, ..)| articles_of(&library, *id).len())
        .sum();
    assert_eq!(after, total, "no duplicates after a second sync");
    for (path, ..) in REAL_FEEDS {
        assert_eq!(server.hits(path), 2, "{path} fetched once per sync");
    }
    let source = library
        .sources()
        .unwrap()
        .into_iter()
        .find(|s| s.id == hamakor)
        .unwrap();
    assert_eq!(
        source.last_success_at,
        Some(NOW + 600),
        "the 304 counts as a success"
    );
}

fn rss(items: &[(&str, &str, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(guid, title, body)| {
            format!(
                "<item><guid>{guid}</guid><link>http://news.invalid/{guid}</link><title>{title}</title>\
                 <pubDate>Mon, 24 Nov 2025 10:00:00 +0330</pubDate><description><![CDATA[{body}]]></description></item>"
            )
        })
        .collect();
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>خبرگزاری آزمون</title>{items}</channel></rss>")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feeds_larger_than_the_writer_queue_all_arrive() {
    // Every feed holds more items than may wait for the writer, so each
    // waits for room in turn: a feed that kept its parsing turn (perhaps
    // the writer's core) while waiting would stop the sync for good.
    let server = TestServer::start();
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let fetcher = fetcher(quick_limits());
    const FEEDS: usize = 50;
    let long_text = "این متن کامل خبر است و خلاصه نیست. ".repeat(20);
    for f in 0..FEEDS {
        let items: Vec<(String, String, String)> = (0..30)
            .map(|i| {
                (
                    format!("f{f}-{i}"),
                    format!("خبر {f}-{i}"),
                    format!("<p>{long_text} {f}-{i}</p>"),
                )
            })
            .collect();
        let refs: Vec<(&str, &str, &str)> = items
            .iter()
            .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
            .collect();
        let path = format!("/f{f}.xml");
        server.route(&path, Route::body(rss(&refs), "application/rss+xml"));
        library
            .add_feed(&server.url(&path), &format!("f{f}"), None, None, NOW)
            .unwrap();
    }
    let options = SyncOptions {
        queued_items: 20,
        ..SyncOptions::default()
    };
    let report = tokio::time::timeout(
        Duration::from_secs(60),
        sync_with(&library, &fetcher, &options, NOW),
    )
    .await
    .expect("the sync ends: no feed waits for the writer while holding what the writer needs");
    assert_eq!(
        (report.added, report.failed.len()),
        (FEEDS as u64 * 30, 0),
        "every item of every feed is stored"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changed_items_are_updated_and_keep_their_bookmark() {
    let server = TestServer::start();
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let fetcher = fetcher(quick_limits());
    server.route(
        "/news.xml",
        Route::body(
            rss(&[
                ("a", "خبر یک", "<p>متن نخست تازگی</p>"),
                ("b", "خبر دو", "<p>متن دوم سوال</p>"),
            ]),
            "application/rss+xml",
        ),
    );
    let feed = library
        .add_feed(&server.url("/news.xml"), "news", None, None, NOW)
        .unwrap();
    let first = sync_all(&library, &fetcher, NOW).await;
    assert_eq!(first.added, 2);
    let a = articles_of(&library, feed)
        .into_iter()
        .find(|x| x.title == "خبر یک")
        .unwrap();
    library.set_bookmark(a.id, true, NOW).unwrap();
    library.set_read(a.id, true, NOW).unwrap();

    server.route(
        "/news.xml",
        Route::body(
            rss(&[
                ("a", "خبر یک (به‌روز شد)", "<p>متن تازه</p>"),
                ("b", "خبر دو", "<p>متن دوم سوال</p>"),
                ("c", "خبر سه", "<p>سوم</p>"),
            ]),
            "application/rss+xml",
        ),
    );
    let second = sync_all(&library, &fetcher, NOW + 60).await;
    assert_eq!(
        (second.added, second.updated),
        (1, 1),
        "one new item, one changed"
    );
    let article = library.article(a.id).unwrap();
    assert_eq!(
        article.summary.title, "خبر یک (به‌روز شد)",
        "the change is stored in place"
    );
    assert!(article.body_text.contains("متن تازه"));
    assert!(
        article.summary.bookmarked_at.is_some() && article.summary.read,
        "bookmark and read state stay"
    );
    let hits = library
        .search(&barg_core::SearchQuery {
            text: "تازه".into(),
            limit: 5,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.hits.len(), 1, "the new text is searchable");
    let stale = library
        .search(&barg_core::SearchQuery {
            text: "نخست".into(),
            limit: 5,
            ..Default::default()
        })
        .unwrap();
    assert!(stale.hits.is_empty(), "the old text is gone from the index");
    // Prefixes expand through the term dictionary, which the first sync
    // filled with «تازگی» and «سوال»: the words this sync brought must be in
    // it too, or «تاز*» and «سو*» would miss them.
    let prefixed = |text: &str| -> Vec<String> {
        let mut titles: Vec<String> = library
            .search(&barg_core::SearchQuery {
                text: text.into(),
                limit: 5,
                ..Default::default()
            })
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.article.title)
            .collect();
        titles.sort();
        titles
    };
    assert_eq!(
        prefixed("تاز*"),
        ["خبر یک (به‌روز شد)"],
        "a prefix finds a word the update brought (and not the word it removed)"
    );
    assert_eq!(
        prefixed("سو*"),
        ["خبر دو", "خبر سه"],
        "a prefix finds the new item's word beside the old one's"
    );
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_failure_is_recorded_per_feed_and_loses_nothing() {
    let server = TestServer::start();
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let fetcher = fetcher(quick_limits());
    let good = rss(&[("g1", "سالم", "<p>یک خبر سالم</p>")]);
    // Every feed first syncs fine, so each has an article to lose.
    let cases: &[(&str, Route, &str)] = &[
        ("/gone.xml", Route::Status(404), "http-status"),
        ("/broken.xml", Route::Status(503), "http-status"),
        (
            "/loop.xml",
            Route::Redirect("/loop.xml".into()),
            "redirect-loop",
        ),
        (
            "/slow.xml",
            Route::Trickle {
                length: 100,
                every: Duration::from_millis(200),
            },
            "timeout",
        ),
        (
            "/huge.xml",
            Route::body(vec![b' '; 3 * 1024 * 1024], "application/rss+xml"),
            "too-large",
        ),
        (
            "/bomb.xml",
            Route::Body {
                body: gzip(&vec![b' '; 64 * 1024 * 1024]),
                content_type: "application/rss+xml".into(),
                etag: None,
                encoding: Some("gzip".into()),
            },
            "too-large",
        ),
        (
            "/page.html",
            Route::body(
                "<!doctype html><html><body><p>no feed</p></body></html>",
                "text/html",
            ),
            "not-a-feed",
        ),
        (
            "/junk.xml",
            Route::body("<rss><channel><item><title>", "application/rss+xml"),
            "not-a-feed",
        ),
        (
            // The parser panics on it (quick-xml 0.42): that is this feed's
            // `parse` failure, reported, never a gap in the report.
            "/parser-panics.xml",
            Route::body(
                fixture("crashes/feed-quick-xml-set-encoding.xml"),
                "application/rss+xml",
            ),
            "parse",
        ),
    ];
    let mut ids = Vec::new();
    for (n, (path, _, _)) in cases.iter().enumerate() {
        server.route(
            path,
            Route::body(
                rss(&[(&format!("k{n}"), &format!("خبر {n}"), "<p>پیش از خرابی</p>")]),
                "application/rss+xml",
            ),
        );
        ids.push(
            library
                .add_feed(&server.url(path), path, None, None, NOW)
                .unwrap(),
        );
    }
    server.route(
        "/good.xml",
        Route::body(good.clone(), "application/rss+xml"),
    );
    let good_id = library
        .add_feed(&server.url("/good.xml"), "good", None, None, NOW)
        .unwrap();
    let first = sync_all(&library, &fetcher, NOW).await;
    assert!(first.failed.is_empty(), "{:?}", first.failed);

    for (path, route, _) in cases {
        server.route(path, route.clone());
    }
    server.route(
        "/good.xml",
        Route::body(
            rss(&[
                ("g1", "سالم", "<p>یک خبر سالم</p>"),
                ("g2", "تازه", "<p>خبر تازه</p>"),
            ]),
            "application/rss+xml",
        ),
    );
    let started = std::time::Instant::now();
    let report = sync_all(&library, &fetcher, NOW + 60).await;
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "bounded time: {:?}",
        started.elapsed()
    );
    assert_eq!(report.added, 1, "the good feed still brings its new item");
    for ((path, _, code), id) in cases.iter().zip(&ids) {
        let failure = report.failed.iter().find(|f| f.source_id == *id);
        assert_eq!(
            failure.map(|f| f.code.as_str()),
            Some(*code),
            "{path}: {failure:?}"
        );
        let source = library
            .sources()
            .unwrap()
            .into_iter()
            .find(|s| s.id == *id)
            .unwrap();
        assert_eq!(
            source.last_error_code.map(barg_core::Code::as_str),
            Some(*code),
            "{path}: the error is recorded on the feed"
        );
        assert_eq!(
            articles_of(&library, *id).len(),
            1,
            "{path}: its article is still there"
        );
    }
    let good_source = library
        .sources()
        .unwrap()
        .into_iter()
        .find(|s| s.id == good_id)
        .unwrap();
    assert_eq!(good_source.last_error_code, None);

    server.stop();
    let offline = sync_all(&library, &fetcher, NOW + 120).await;
    assert!(
        offline
            .failed
            .iter()
            .all(|f| f.code == barg_core::Code::Network),
        "a dead server is a network error: {:?}",
        offline.failed
    );
    assert_eq!(
        articles_of(&library, good_id).len(),
        2,
        "nothing is lost when the network is gone"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_address_finds_its_feed_and_redirects_are_followed() {
    let server = TestServer::start();
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let fetcher = fetcher(quick_limits());
    server.route(
        "/feeds/main.xml",
        Route::body(rss(&[("x", "یک", "<p>دو</p>")]), "application/rss+xml"),
    );
    server.route("/old-feed", Route::Redirect(server.url("/feeds/main.xml")));
    server.route(
        "/",
        Route::body(
            "<!doctype html><html><head><title>site</title>\
             <link rel=\"alternate\" type=\"application/rss+xml\" href=\"/old-feed\"></head><body></body></html>",
            "text/html; charset=utf-8",
        ),
    );
    let id = barg_core::feeds::subscribe::subscribe(
        &library,
        &fetcher,
        &server.url("/"),
        Some("خبر"),
        NOW,
    )
    .await
    .unwrap();
    let source = library
        .sources()
        .unwrap()
        .into_iter()
        .find(|s| s.id == id)
        .unwrap();
    assert_eq!(
        source.url.as_deref(),
        Some(server.url("/feeds/main.xml").as_str()),
        "the feed's final address is kept"
    );
    assert_eq!(source.title, "خبرگزاری آزمون", "the feed's own title");
    assert_eq!(source.folder.as_deref(), Some("خبر"));
    let again = barg_core::feeds::subscribe::subscribe(
        &library,
        &fetcher,
        &server.url("/feeds/main.xml"),
        None,
        NOW,
    )
    .await;
    assert_eq!(
        again.map_err(|e| e.code().as_str()),
        Err("already-subscribed")
    );
    server.route(
        "/nothing",
        Route::body("<!doctype html><html><body>hi</body></html>", "text/html"),
    );
    let none = barg_core::feeds::subscribe::subscribe(
        &library,
        &fetcher,
        &server.url("/nothing"),
        None,
        NOW,
    )
    .await;
    assert_eq!(none.map_err(|e| e.code().as_str()), Err("not-a-feed"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn summaries_get_full_text_and_images_stay_readable_offline() {
    let server = TestServer::start();
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let fetcher = fetcher(quick_limits());
    let page = fixture("html/persian-news-pages/api/fixtures/www.isna.ir/1558105248971.html");
    server.route("/story.html", Route::body(page, "text/html; charset=utf-8"));
    server.route("/pic.png", Route::body(TINY_PNG, "image/png"));
    server.route(
        "/fake.png",
        Route::body("<html>not an image</html>", "image/png"),
    );
    let long_text = "این متن کامل خبر است و خلاصه نیست. ".repeat(30);
    let item = format!(
        "<item><guid>s1</guid><link>{}</link><title>خلاصه</title><description><![CDATA[<p>فقط خلاصه</p>]]></description></item>\
         <item><guid>s2</guid><link>http://news.invalid/2</link><title>با عکس</title><description><![CDATA[<p>{long_text} <img src=\"{}\"> <img src=\"{}\"></p>]]></description></item>",
        server.url("/story.html"),
        server.url("/pic.png"),
        server.url("/fake.png")
    );
    server.route(
        "/f.xml",
        Route::body(
            format!("<rss version=\"2.0\"><channel><title>t</title>{item}</channel></rss>"),
            "application/rss+xml",
        ),
    );
    let feed = library
        .add_feed(&server.url("/f.xml"), "t", None, None, NOW)
        .unwrap();
    let cache = ImageCache::new(dir.path().join("images"), 50 * 1024 * 1024);
    let options = SyncOptions {
        images: Some(cache.clone()),
        ..SyncOptions::default()
    };
    let report = sync_with(&library, &fetcher, &options, NOW).await;
    assert_eq!(
        report.images.fetched, 1,
        "the real image is cached: {:?}",
        report.images
    );
    assert_eq!(
        report.images.failed, 1,
        "an HTML page called .png is refused"
    );
    let stored = articles_of(&library, feed);
    let summary = library
        .article(stored.iter().find(|a| a.title == "خلاصه").unwrap().id)
        .unwrap();
    assert!(
        summary.body_text.chars().count() > 600 && summary.body_text.contains('\u{200C}'),
        "the summary was replaced by the page's text, half-spaces intact"
    );
    let again = sync_with(&library, &fetcher, &options, NOW + 60).await;
    assert_eq!(
        (again.added, again.updated),
        (0, 0),
        "the same feed again changes nothing"
    );
    assert_eq!(
        library.article(summary.summary.id).unwrap().body_text,
        summary.body_text,
        "the page's text stays: the same summary again does not replace it"
    );
    // The summary changes while its page is down: the page's text stays.
    server.route("/story.html", Route::Status(503));
    server.route(
        "/f.xml",
        Route::body(
            format!(
                "<rss version=\"2.0\"><channel><title>t</title>{}</channel></rss>",
                item.replace("فقط خلاصه", "خلاصهٔ دیگر")
            ),
            "application/rss+xml",
        ),
    );
    sync_with(&library, &fetcher, &options, NOW + 120).await;
    assert_eq!(
        library.article(summary.summary.id).unwrap().body_text,
        summary.body_text,
        "a changed summary whose page fails does not cut the page's text back"
    );
    let article = library
        .article(stored.iter().find(|a| a.title == "با عکس").unwrap().id)
        .unwrap();

    server.stop();
    let (path, mime) = cache
        .lookup(&library, &server_url_of(&article.body_html))
        .unwrap()
        .expect("cached");
    assert_eq!(mime, "image/png");
    assert_eq!(
        std::fs::read(path).unwrap(),
        TINY_PNG,
        "with the server gone the image is still there, whole"
    );
}

/// The address of the first PNG image in stored HTML.
fn server_url_of(html: &str) -> String {
    barg_core::feeds::images::image_urls(html)
        .into_iter()
        .find(|u| u.ends_with("/pic.png"))
        .expect("the image is in the stored article")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_image_cache_keeps_to_its_budget_but_never_drops_bookmarked_images() {
    let server = TestServer::start();
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let fetcher = fetcher(quick_limits());
    let mut items = Vec::new();
    for n in 0..6 {
        let mut png = TINY_PNG.to_vec();
        png.extend(vec![n as u8; 1000]); // different bytes, different files
        server.route(&format!("/i{n}.png"), Route::body(png, "image/png"));
        items.push((
            format!("g{n}"),
            format!("خبر {n}"),
            format!(
                "<p>متن {n} <img src=\"{}\"></p>",
                server.url(&format!("/i{n}.png"))
            ),
        ));
    }
    let refs: Vec<(&str, &str, &str)> = items
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    server.route(
        "/f.xml",
        Route::body(rss(&refs[..3]), "application/rss+xml"),
    );
    let feed = library
        .add_feed(&server.url("/f.xml"), "t", None, None, NOW)
        .unwrap();
    let roomy = ImageCache::new(dir.path().join("images"), 1024 * 1024);
    let first = SyncOptions {
        images: Some(roomy),
        ..SyncOptions::default()
    };
    sync_with(&library, &fetcher, &first, NOW).await;
    // The same folder, now with a budget of about two images.
    let cache = ImageCache::new(dir.path().join("images"), 2500);
    let options = SyncOptions {
        images: Some(cache.clone()),
        ..SyncOptions::default()
    };
    let first_three = articles_of(&library, feed);
    let bookmarked = first_three.iter().find(|a| a.title == "خبر 0").unwrap().id;
    library.set_bookmark(bookmarked, true, NOW).unwrap();

    server.route("/f.xml", Route::body(rss(&refs), "application/rss+xml"));
    let report = sync_with(&library, &fetcher, &options, NOW + 60).await;
    assert!(
        report.images.evicted >= 1,
        "over budget, old images go: {:?}",
        report.images
    );
    let cached = |n: usize| {
        cache
            .lookup(&library, &server.url(&format!("/i{n}.png")))
            .unwrap()
            .is_some()
    };
    assert!(cached(0), "the bookmarked article's image is never evicted");
    assert!(cached(5), "the newest image is kept");
    let files = walk(cache.dir());
    assert!(
        files <= 3,
        "the folder holds what the budget allows ({files} files)"
    );
}

fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        walk(&e.path())
                    } else {
                        1
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_saved_page_is_stored_for_offline_reading() {
    let server = TestServer::start();
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let fetcher = fetcher(quick_limits());
    let page = fixture("html/persian-news-pages/api/fixtures/www.isna.ir/1558105248971.html");
    server.route("/a.html", Route::body(page, "text/html"));
    let id = barg_core::feeds::web_page::save_page(
        &library,
        &fetcher,
        &server.url("/a.html"),
        None,
        NOW,
    )
    .await
    .unwrap();
    let article = library.article(id).unwrap();
    assert_eq!(article.dir, barg_core::Direction::Rtl);
    assert!(
        article.body_text.contains('\u{200C}'),
        "half-spaces survive extraction"
    );
    let again = barg_core::feeds::web_page::save_page(
        &library,
        &fetcher,
        &server.url("/a.html"),
        None,
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(again, id, "saving twice keeps one copy");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subscribing_to_a_feed_the_parser_cannot_read_says_so() {
    let server = TestServer::start();
    server.route(
        "/broken.xml",
        Route::body(
            fixture("crashes/feed-quick-xml-set-encoding.xml"),
            "application/rss+xml",
        ),
    );
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let fetcher = fetcher(quick_limits());
    let subscribed = barg_core::feeds::subscribe::subscribe(
        &library,
        &fetcher,
        &server.url("/broken.xml"),
        None,
        NOW,
    )
    .await;
    let error = subscribed.expect_err("a feed nothing can read is not subscribed to");
    assert_eq!(
        error.code(),
        barg_core::Code::Parse,
        "the parser's failure, not 'no feed here': {error}"
    );
    assert!(
        library.feeds(None).unwrap().is_empty(),
        "nothing was subscribed"
    );
}
