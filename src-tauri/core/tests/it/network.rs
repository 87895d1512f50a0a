//! Routes on a filtered network, with real proxies (tinyproxy, microsocks)
//! and real servers on 127.0.0.1: which way each request went is read from
//! the proxies' logs and from where the server saw it come from.

use std::sync::Arc;
use std::time::Duration;

use barg_core::feeds::fetch::{FetchError, Fetched, Fetcher, Limits};
use barg_core::feeds::sync::{self, SyncOptions};
use barg_core::feeds::Cancel;
use barg_core::network::{NetworkSettings, Policy, Proxy, Route, Way};
use barg_core::{ArticleFilter, Code, Library};

use crate::support::fixture;
use crate::support::proxies::RunningProxy;
use crate::support::server::{Route as Serve, TestServer};

const NOW: i64 = 1_780_000_000;

fn limits() -> Limits {
    Limits {
        timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(2),
        retries: 0,
        ..Limits::default()
    }
}

fn fetcher(policy: Policy, proxy: Proxy, password: Option<&str>) -> Arc<Fetcher> {
    Arc::new(
        Fetcher::with_network(
            limits(),
            NetworkSettings {
                proxy,
                policy,
                ..Default::default()
            },
            password,
        )
        .unwrap(),
    )
}

fn manual(url: String, user: Option<&str>) -> Proxy {
    Proxy::Manual {
        url,
        user: user.map(str::to_owned),
    }
}

fn feed_xml() -> Vec<u8> {
    fixture("feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml")
}

async fn sync_all(library: &Arc<Library>, fetcher: &Arc<Fetcher>) -> sync::SyncReport {
    sync::sync(
        library,
        fetcher,
        None,
        &SyncOptions::default(),
        NOW,
        &Cancel::default(),
        |_| {},
    )
    .await
    .expect("a sync never fails as a whole")
}

fn open(dir: &tempfile::TempDir) -> Arc<Library> {
    Arc::new(Library::open(&dir.path().join("library.sqlite")).unwrap())
}

fn feed_state(library: &Library, id: i64) -> barg_core::Source {
    library
        .sources()
        .unwrap()
        .into_iter()
        .find(|s| s.id == id)
        .unwrap()
}

fn article_count(library: &Library) -> usize {
    library
        .list_articles(&ArticleFilter {
            limit: 1000,
            ..Default::default()
        })
        .unwrap()
        .len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auto_takes_the_proxy_for_a_filtered_host_and_keeps_the_others_direct() {
    let proxy = RunningProxy::http(None);
    // The filtered site is another host (127.0.0.2): what auto learns is
    // remembered per host.
    let filtered = TestServer::start_on("127.0.0.2");
    filtered.route(
        "/feed.xml",
        Serve::FilteredUnlessProxied(Box::new(Serve::body(feed_xml(), "application/rss+xml"))),
    );
    let open_site = TestServer::start();
    open_site.route("/feed.xml", Serve::body(feed_xml(), "application/rss+xml"));
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let blocked = library
        .add_feed(&filtered.url("/feed.xml"), "filtered", None, None, NOW)
        .unwrap();
    let open_feed = library
        .add_feed(&open_site.url("/feed.xml"), "open", None, None, NOW)
        .unwrap();
    let fetcher = fetcher(
        Policy::Auto,
        manual(format!("http://127.0.0.1:{}", proxy.port), None),
        None,
    );

    let report = sync_all(&library, &fetcher).await;
    assert!(
        report.failed.is_empty(),
        "both feeds are read: {:?}",
        report.failed
    );
    assert_eq!(
        feed_state(&library, blocked).route_worked,
        Some(Way::Proxy),
        "the filtered feed came through the proxy"
    );
    assert_eq!(
        feed_state(&library, open_feed).route_worked,
        Some(Way::Direct),
        "the open feed stayed direct"
    );
    assert_eq!(
        open_site.proxied_hits(),
        0,
        "nothing of the open site went through the proxy"
    );
    assert!(
        proxy.log().contains("127.0.0.2") && !proxy.log().contains(&open_site.url("/")[7..]),
        "the proxy's own log shows only the filtered host: {}",
        proxy.log()
    );
    let direct_tries = filtered.total_hits() - filtered.proxied_hits();
    assert_eq!(direct_tries, 1, "the filter was met once");

    sync_all(&library, &fetcher).await;
    assert_eq!(
        filtered.total_hits() - filtered.proxied_hits(),
        1,
        "the next sync goes through the proxy at once: the filtered host is remembered"
    );
    assert_eq!(
        filtered.proxied_hits(),
        2,
        "both syncs reached the site through the proxy"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_filtered_feed_is_marked_filtered_and_the_block_page_is_never_stored() {
    let filtered = TestServer::start_on("127.0.0.2");
    filtered.route(
        "/feed.xml",
        Serve::FilteredUnlessProxied(Box::new(Serve::body(feed_xml(), "application/rss+xml"))),
    );
    // A block page sent with 200 (the filter does so on some links).
    filtered.route(
        "/page.html",
        Serve::body(crate::support::server::BLOCK_PAGE, "text/html"),
    );
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let before = article_count(&library);
    let feed = library
        .add_feed(&filtered.url("/feed.xml"), "filtered", None, None, NOW)
        .unwrap();
    let fetcher = fetcher(Policy::Direct, Proxy::None, None);

    let report = sync_all(&library, &fetcher).await;
    assert_eq!(report.failed.len(), 1, "{:?}", report.failed);
    assert_eq!(report.failed[0].code, Code::Filtered, "{:?}", report.failed);
    assert_eq!(
        feed_state(&library, feed).last_error_code,
        Some(Code::Filtered),
        "the feed is marked filtered, not broken"
    );
    assert_eq!(
        article_count(&library),
        before,
        "the block page is not an article"
    );
    let page = fetcher
        .get(&filtered.url("/page.html"), None, &Cancel::default())
        .await;
    assert!(
        matches!(page, Err(FetchError::Filtered(_))),
        "a block page sent as 200 is filtered too: {page:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_during_the_tls_handshake_is_filtered() {
    // What the filter does to a blocked name over https: it reads the name
    // in the ClientHello and cuts the connection.
    let listener = tokio::net::TcpListener::bind("127.0.0.2:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut hello = [0u8; 512];
            let _ = tokio::io::AsyncReadExt::read(&mut socket, &mut hello).await;
            // A zero linger makes the close a reset (it never blocks).
            #[allow(deprecated)]
            socket.set_linger(Some(Duration::ZERO)).unwrap();
            drop(socket);
        }
    });
    let fetcher = fetcher(Policy::Direct, Proxy::None, None);
    let fetched = fetcher
        .get(
            &format!("https://127.0.0.2:{port}/feed.xml"),
            None,
            &Cancel::default(),
        )
        .await;
    assert!(
        matches!(fetched, Err(FetchError::Filtered(_))),
        "a reset right after the ClientHello is the filter: {fetched:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn socks5h_gives_the_proxy_the_name_and_socks5_the_address() {
    let proxy = RunningProxy::socks(Some(("reader", "s3cret")));
    let site = TestServer::start();
    site.route("/feed.xml", Serve::body(feed_xml(), "application/rss+xml"));
    let port = site.url("/")[17..].trim_end_matches('/').to_owned();
    for (scheme, expected) in [("socks5h", "localhost"), ("socks5", "127.0.0.1")] {
        let fetcher = fetcher(
            Policy::AllProxy,
            manual(
                format!("{scheme}://127.0.0.1:{}", proxy.port),
                Some("reader"),
            ),
            Some("s3cret"),
        );
        let url = format!("http://localhost:{port}/feed.xml");
        let fetched = fetcher.get(&url, None, &Cancel::default()).await;
        assert!(
            matches!(&fetched, Ok(Fetched::Body(body)) if body.via == Way::Proxy),
            "{scheme}: the feed came through the proxy: {fetched:?}"
        );
        assert!(
            proxy
                .log()
                .contains(&format!("connected to {expected}:{port}")),
            "{scheme}: the proxy was asked for {expected}: {}",
            proxy.log()
        );
    }
    assert_eq!(
        site.proxied_hits(),
        2,
        "both requests reached the site from the proxy"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_is_proxy_auth_and_a_closed_proxy_is_proxy_unreachable() {
    let site = TestServer::start();
    site.route("/feed.xml", Serve::body(feed_xml(), "application/rss+xml"));
    let mut http = RunningProxy::http(Some(("reader", "right")));
    let socks = RunningProxy::socks(Some(("reader", "right")));
    let url = site.url("/feed.xml");
    for (name, proxy_url) in [
        ("http", format!("http://127.0.0.1:{}", http.port)),
        ("socks5h", format!("socks5h://127.0.0.1:{}", socks.port)),
    ] {
        let wrong = fetcher(
            Policy::AllProxy,
            manual(proxy_url.clone(), Some("reader")),
            Some("wrong"),
        );
        let fetched = wrong.get(&url, None, &Cancel::default()).await;
        assert!(
            matches!(fetched, Err(FetchError::ProxyAuth)),
            "{name}: a refused password is proxy-auth: {fetched:?}"
        );
        let right = fetcher(
            Policy::AllProxy,
            manual(proxy_url, Some("reader")),
            Some("right"),
        );
        let fetched = right.get(&url, None, &Cancel::default()).await;
        assert!(
            fetched.is_ok(),
            "{name}: the right password goes through: {fetched:?}"
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let feed = library.add_feed(&url, "feed", None, None, NOW).unwrap();
    let through_http = fetcher(
        Policy::AllProxy,
        manual(format!("http://127.0.0.1:{}", http.port), Some("reader")),
        Some("right"),
    );
    sync_all(&library, &through_http).await;
    let stored = article_count(&library);
    http.stop();
    let report = sync_all(&library, &through_http).await;
    assert_eq!(
        report.failed.first().map(|f| f.code),
        Some(Code::ProxyUnreachable),
        "a closed proxy is proxy-unreachable, not a broken feed: {:?}",
        report.failed
    );
    assert_eq!(article_count(&library), stored, "nothing is lost");
    assert_eq!(
        feed_state(&library, feed).last_error_code,
        Some(Code::ProxyUnreachable)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feeds_own_route_overrides_the_default() {
    let proxy = RunningProxy::http(None);
    let site = TestServer::start();
    site.route("/feed.xml", Serve::body(feed_xml(), "application/rss+xml"));
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let feed = library
        .add_feed(&site.url("/feed.xml"), "feed", None, None, NOW)
        .unwrap();
    library.set_route(feed, Some(Route::Proxy)).unwrap();
    // Everything direct, but this feed through the proxy.
    let fetcher = fetcher(
        Policy::Direct,
        manual(format!("http://127.0.0.1:{}", proxy.port), None),
        None,
    );
    let report = sync_all(&library, &fetcher).await;
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(
        site.proxied_hits(),
        1,
        "the feed's own route took it through the proxy"
    );
    assert_eq!(feed_state(&library, feed).route, Some(Route::Proxy));
    library.set_route(feed, None).unwrap();
    sync_all(&library, &fetcher).await;
    assert_eq!(
        site.proxied_hits(),
        1,
        "back on the default, it goes direct"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_folders_route_takes_its_feeds_unless_a_feed_has_its_own() {
    let proxy = RunningProxy::http(None);
    let site = TestServer::start();
    for path in ["/abroad.xml", "/own.xml", "/home.xml"] {
        site.route(path, Serve::body(feed_xml(), "application/rss+xml"));
    }
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let abroad = library
        .add_feed(&site.url("/abroad.xml"), "abroad", None, Some("خارجی"), NOW)
        .unwrap();
    let own = library
        .add_feed(&site.url("/own.xml"), "own", None, Some("خارجی"), NOW)
        .unwrap();
    library.set_route(own, Some(Route::Direct)).unwrap();
    let home = library
        .add_feed(&site.url("/home.xml"), "home", None, None, NOW)
        .unwrap();
    // Everything direct, but the folder «خارجی» through the proxy.
    let settings = NetworkSettings {
        proxy: manual(format!("http://127.0.0.1:{}", proxy.port), None),
        policy: Policy::Direct,
        folder_routes: [("خارجی".to_owned(), Route::Proxy)].into(),
        ..Default::default()
    };
    let fetcher = Arc::new(Fetcher::with_network(limits(), settings, None).unwrap());
    let report = sync_all(&library, &fetcher).await;
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(
        site.proxied_hits(),
        1,
        "only the folder's feed without a route of its own went through the proxy"
    );
    assert_eq!(
        [abroad, own, home].map(|id| feed_state(&library, id).route_worked),
        [Some(Way::Proxy), Some(Way::Direct), Some(Way::Direct)],
        "each feed's menu says which way it came"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_request_follows_the_route_feeds_pages_images_saved_pages_and_discovery() {
    let proxy = RunningProxy::http(None);
    let site = TestServer::start();
    let page = fixture("html/persian-news-pages/api/fixtures/www.isna.ir/1558105248971.html");
    site.route(
        "/story.html",
        Serve::body(page.clone(), "text/html; charset=utf-8"),
    );
    site.route("/saved.html", Serve::body(page, "text/html; charset=utf-8"));
    site.route(
        "/pic.png",
        Serve::body(crate::support::server::TINY_PNG, "image/png"),
    );
    site.route(
        "/",
        Serve::body(
            format!(
                "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"{}\"></head><body>خانه</body></html>",
                site.url("/feed.xml")
            ),
            "text/html; charset=utf-8",
        ),
    );
    let long_text = "این متن کامل خبر است و خلاصه نیست. ".repeat(30);
    site.route(
        "/feed.xml",
        Serve::body(
            format!(
                "<rss version=\"2.0\"><channel><title>t</title>\
                 <item><guid>s1</guid><link>{}</link><title>خلاصه</title><description>فقط خلاصه</description></item>\
                 <item><guid>s2</guid><link>http://news.invalid/2</link><title>با عکس</title><description><![CDATA[<p>{long_text} <img src=\"{}\"></p>]]></description></item>\
                 </channel></rss>",
                site.url("/story.html"),
                site.url("/pic.png")
            ),
            "application/rss+xml",
        ),
    );
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let fetcher = fetcher(
        Policy::AllProxy,
        manual(format!("http://127.0.0.1:{}", proxy.port), None),
        None,
    );
    // Autodiscovery: the site's home page names its feed.
    barg_core::feeds::subscribe::subscribe(&library, &fetcher, &site.url("/"), None, NOW)
        .await
        .expect("subscribing through the proxy works");
    let cache = barg_core::feeds::images::ImageCache::new(dir.path().join("images"), 1 << 20);
    let options = SyncOptions {
        images: Some(cache.clone()),
        ..SyncOptions::default()
    };
    let report = sync::sync(
        &library,
        &fetcher,
        None,
        &options,
        NOW,
        &Cancel::default(),
        |_| {},
    )
    .await
    .unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(report.images.fetched, 1, "the image came");
    barg_core::feeds::web_page::save_page(
        &library,
        &fetcher,
        &site.url("/saved.html"),
        Some(&cache),
        NOW,
    )
    .await
    .expect("saving a page through the proxy works");
    for path in ["/", "/feed.xml", "/story.html", "/pic.png", "/saved.html"] {
        assert!(site.hits(path) > 0, "{path} was fetched");
    }
    assert_eq!(
        site.proxied_hits(),
        site.total_hits(),
        "every request reached the site through the proxy: nothing bypassed it"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feed_added_offline_is_kept_pending_and_the_first_sync_that_reaches_it_completes_it() {
    // The address typed is the site's home page; the network is down.
    let port = crate::support::proxies::free_port();
    let home = format!("http://127.0.0.1:{port}/");
    let dir = tempfile::tempdir().unwrap();
    let library = open(&dir);
    let fetcher = fetcher(Policy::Direct, Proxy::None, None);
    let subscribed = barg_core::feeds::subscribe::subscribe_or_keep_pending(
        &library,
        &fetcher,
        &home,
        Some("خبر"),
        NOW,
    )
    .await
    .expect("an unreachable address is kept, not refused");
    assert_eq!(
        subscribed.pending,
        Some(Code::Network),
        "kept pending, with why"
    );
    let source = feed_state(&library, subscribed.id);
    assert!(source.pending, "shown as pending");
    assert_eq!(
        source.folder.as_deref(),
        Some("خبر"),
        "in the folder chosen"
    );

    // The network is back: the home page announces its feed.
    let site = TestServer::start_on_port(port);
    site.route(
        "/",
        Serve::body(
            format!(
                "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"{}\"></head></html>",
                site.url("/feed.xml")
            ),
            "text/html; charset=utf-8",
        ),
    );
    site.route("/feed.xml", Serve::body(feed_xml(), "application/rss+xml"));
    let report = sync_all(&library, &fetcher).await;
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert!(report.added > 0, "its items arrived");
    let source = feed_state(&library, subscribed.id);
    assert!(!source.pending, "no longer pending");
    assert_eq!(
        source.url.as_deref(),
        Some(site.url("/feed.xml").as_str()),
        "the feed the page announces"
    );
    assert_ne!(
        source.title, "127.0.0.1",
        "the feed's own title replaced the stand-in"
    );
    let again = barg_core::feeds::subscribe::subscribe(
        &library,
        &fetcher,
        &site.url("/feed.xml"),
        None,
        NOW,
    )
    .await;
    assert!(
        again.is_err(),
        "it is the subscription: the feed is not added twice"
    );

    // An address that answers but is no feed is refused as before.
    site.route("/nothing", Serve::body("<html>خالی</html>", "text/html"));
    let refused = barg_core::feeds::subscribe::subscribe_or_keep_pending(
        &library,
        &fetcher,
        &site.url("/nothing"),
        None,
        NOW,
    )
    .await;
    assert!(
        refused.is_err(),
        "a page with no feed is no pending subscription"
    );
}
