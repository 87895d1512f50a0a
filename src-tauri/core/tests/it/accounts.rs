//! Sync accounts against a real FreshRSS on 127.0.0.1 (Google Reader API),
//! which fetches real Persian feed files from a real HTTP server. Two
//! libraries on one account stand for two devices.

use std::sync::Arc;
use std::time::Duration;

use barg_core::accounts::greader::{self, Session};
use barg_core::accounts::{self, AccountKind, AccountSyncOptions, AccountSyncReport};
use barg_core::feeds::fetch::{Fetcher, Limits};
use barg_core::feeds::Cancel;
use barg_core::{ArticleFilter, Code, Library, SearchQuery};

use crate::support::freshrss::{FreshRss, API_PASSWORD, USER};
use crate::support::server::{Route as Serve, TestServer};
use crate::support::{fixture, new_library, NOW};

const HODER: &str = "feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml";

fn fetcher() -> Arc<Fetcher> {
    Arc::new(
        Fetcher::new(Limits {
            timeout: Duration::from_secs(20),
            connect_timeout: Duration::from_secs(2),
            retries: 0,
            ..Limits::default()
        })
        .unwrap(),
    )
}

/// One device: its own library, with the account added, and the account's
/// password.
struct Device {
    library: Arc<Library>,
    account: i64,
    password: &'static str,
    _dir: tempfile::TempDir,
}

impl Device {
    fn new(server: &FreshRss) -> Self {
        Self::of_kind(AccountKind::GReader, &server.greader_url())
    }

    fn of_kind(kind: AccountKind, url: &str) -> Self {
        Self::with_login(kind, url, USER, API_PASSWORD)
    }

    fn with_login(kind: AccountKind, url: &str, user: &str, password: &'static str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let library = Arc::new(new_library(&dir));
        let account = library
            .add_account(kind, url, user, accounts::FIRST_ITEMS, NOW)
            .unwrap();
        Self {
            library,
            account,
            password,
            _dir: dir,
        }
    }

    async fn sync_with(&self, password: &str) -> Result<AccountSyncReport, accounts::AccountError> {
        accounts::sync_account(
            &self.library,
            &fetcher(),
            self.account,
            password,
            &AccountSyncOptions::default(),
            NOW,
            &Cancel::default(),
        )
        .await
    }

    async fn sync(&self) -> AccountSyncReport {
        self.sync_with(self.password)
            .await
            .unwrap_or_else(|e| panic!("the sync works: {e}"))
    }

    fn articles(&self) -> Vec<barg_core::ArticleSummary> {
        self.library
            .list_articles(&ArticleFilter {
                limit: 1000,
                ..Default::default()
            })
            .unwrap()
    }

    /// The article with this title.
    fn article(&self, title: &str) -> barg_core::ArticleSummary {
        self.articles()
            .into_iter()
            .find(|a| a.title == title)
            .unwrap_or_else(|| panic!("{title} is in the library"))
    }

    fn account_source(&self) -> Option<barg_core::Source> {
        self.library
            .sources()
            .unwrap()
            .into_iter()
            .find(|s| s.account_id == Some(self.account))
    }
}

async fn subscribe(device: &Device, url: &str, folder: Option<&str>) -> String {
    accounts::subscribe(
        &device.library,
        &fetcher(),
        device.account,
        API_PASSWORD,
        url,
        folder,
        &Cancel::default(),
    )
    .await
    .unwrap()
}

/// The item ids the server has in a state.
async fn server_ids(server: &FreshRss, stream: &str, exclude: Option<&str>) -> Vec<String> {
    let fetcher = fetcher();
    let cancel = Cancel::default();
    let mut session = Session::login(&fetcher, &server.greader_url(), USER, API_PASSWORD, &cancel)
        .await
        .unwrap();
    session.ids(stream, exclude).await.unwrap()
}

/// The server's id of an article (its guid), read from the library file.
fn guid_of(device: &Device, id: i64) -> String {
    rusqlite::Connection::open(device.library.path())
        .unwrap()
        .query_row("SELECT guid FROM articles WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_devices_on_one_account_see_each_others_subscriptions_reads_bookmarks_and_folders() {
    let feeds = TestServer::start();
    feeds.route(
        "/hoder.xml",
        Serve::body(fixture(HODER), "application/rss+xml"),
    );
    let server = FreshRss::start();
    let (a, b) = (Device::new(&server), Device::new(&server));

    // Subscribe on A (the server fetches the feed), and the feed shows on B.
    subscribe(&a, &feeds.url("/hoder.xml"), Some("وبلاگ‌ها")).await;
    let first = a.sync().await;
    assert_eq!(
        first.added, 7,
        "every item of the feed arrives through the server: {first:?}"
    );
    let source = a
        .account_source()
        .expect("the subscription is a source of A's library");
    assert_eq!(
        source.folder.as_deref(),
        Some("وبلاگ‌ها"),
        "in the folder it was added to, half-space kept"
    );
    b.sync().await;
    let on_b = b
        .account_source()
        .expect("the feed shows on B after a sync");
    assert_eq!(on_b.title, source.title, "the same subscription");
    assert_eq!(b.articles().len(), 7, "with the same articles");

    // Persian text keeps its half-spaces and is found with other spellings.
    let title = "لينکدونی‌ | جلسه‌ی امریکن انترپرایز برای تقسیم قومی ایران";
    let article = b.article(title);
    assert!(
        article.title.contains('\u{200c}'),
        "half-spaces intact: {}",
        article.title
    );
    let hits = b
        .library
        .search(&SearchQuery {
            // Persian yeh where the feed wrote the Arabic one, and no half-space.
            text: "لینکدونی جلسهی".into(),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert!(
        hits.hits.iter().any(|h| h.article.id == article.id),
        "a search with other spellings finds the article that came through the server"
    );

    // Read on B, and it is read on A.
    b.library.set_read(article.id, true, NOW).unwrap();
    let sent = b.sync().await;
    assert_eq!(sent.sent, 1, "B sent its one change: {sent:?}");
    assert!(
        !server_ids(&server, greader::READING_LIST, Some(greader::READ))
            .await
            .contains(&guid_of(&b, article.id)),
        "the server has it read"
    );
    a.sync().await;
    assert!(a.article(title).read, "read on B is read on A");
    assert_eq!(
        a.articles().iter().filter(|x| x.read).count(),
        1,
        "and nothing else became read"
    );

    // Bookmark on A: starred on the server, a bookmark on B.
    let other = "لينکدونی‌ | به صبحانه آگهی بدهید";
    let on_a = a.article(other);
    a.library.set_bookmark(on_a.id, true, NOW).unwrap();
    a.sync().await;
    assert_eq!(
        server_ids(&server, greader::STARRED, None).await,
        vec![guid_of(&a, on_a.id)],
        "a bookmark in Barg is starred on the server"
    );
    b.sync().await;
    assert!(
        b.article(other).bookmarked_at.is_some(),
        "and a bookmark on B"
    );

    // Unbookmark on B: no longer starred anywhere.
    b.library
        .set_bookmark(b.article(other).id, false, NOW)
        .unwrap();
    b.sync().await;
    a.sync().await;
    assert!(
        a.article(other).bookmarked_at.is_none(),
        "a bookmark removed on B is removed on A"
    );
    assert!(server_ids(&server, greader::STARRED, None).await.is_empty());

    // Move the feed to another folder on B, and A shows it there.
    b.library.move_source(on_b.id, Some("خبر")).unwrap();
    b.sync().await;
    a.sync().await;
    assert_eq!(
        a.account_source().unwrap().folder.as_deref(),
        Some("خبر"),
        "a folder chosen on B shows on A"
    );

    // Nothing changed anywhere: the next sync of A changes nothing and
    // costs a few requests.
    let quiet = a.sync().await;
    assert_eq!(
        (quiet.added, quiet.updated, quiet.sent, quiet.states_changed),
        (0, 0, 0, 0),
        "an unchanged account changes nothing: {quiet:?}"
    );
    assert!(
        quiet.requests <= 5,
        "an unchanged account costs at most 5 requests: {quiet:?}"
    );

    // Unsubscribe on A, and the feed is gone from B.
    a.library
        .remove_source(a.account_source().unwrap().id, false)
        .unwrap();
    a.sync().await;
    b.sync().await;
    assert!(
        b.account_source().is_none(),
        "unsubscribed on A, gone from B"
    );
    assert!(b.articles().is_empty(), "with its articles");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_made_while_the_server_is_down_wait_in_the_library_and_arrive_later() {
    let feeds = TestServer::start();
    feeds.route(
        "/hoder.xml",
        Serve::body(fixture(HODER), "application/rss+xml"),
    );
    let mut server = FreshRss::start();
    let (a, b) = (Device::new(&server), Device::new(&server));
    subscribe(&a, &feeds.url("/hoder.xml"), None).await;
    a.sync().await;
    b.sync().await;

    server.stop();
    let articles = a.articles();
    let (read, bookmarked) = (&articles[0], &articles[1]);
    a.library.set_read(read.id, true, NOW).unwrap();
    a.library.set_bookmark(bookmarked.id, true, NOW).unwrap();
    let failed = a.sync_with(API_PASSWORD).await.unwrap_err();
    assert_eq!(
        failed.code(),
        Code::Network,
        "a server that is down: {failed}"
    );
    assert_eq!(a.articles().len(), 7, "the library is as it was");
    let account = a.library.account(a.account).unwrap();
    assert_eq!(
        account.pending_changes, 2,
        "both changes wait in the library"
    );
    assert_eq!(
        account.last_error_code,
        Some(Code::Network),
        "the account says why"
    );

    // The app is closed (or killed) and started again: the queue is in
    // the library file.
    let path = a.library.path().to_owned();
    let account_id = a.account;
    let Device { library, _dir, .. } = a;
    drop(library);
    let a = Device {
        library: Arc::new(Library::open(&path).unwrap()),
        account: account_id,
        password: API_PASSWORD,
        _dir,
    };
    server.resume();
    let report = a.sync().await;
    assert_eq!(report.sent, 2, "every change arrives: {report:?}");
    assert_eq!(a.library.account(a.account).unwrap().pending_changes, 0);
    assert!(a.article(&read.title).read, "A's own change stays as made");
    b.sync().await;
    assert!(
        b.article(&read.title).read,
        "read offline on A is read on B"
    );
    assert!(
        b.article(&bookmarked.title).bookmarked_at.is_some(),
        "bookmarked offline on A is a bookmark on B"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_a_dead_server_or_a_web_page_is_a_clear_error_and_loses_nothing() {
    let server = FreshRss::start();
    let a = Device::new(&server);
    let refused = a.sync_with("not the password").await.unwrap_err();
    assert_eq!(
        refused.code(),
        Code::AccountAuth,
        "a wrong password: {refused}"
    );

    // A web page where the API should be, and an API that breaks off.
    let site = TestServer::start();
    site.route(
        "/api/accounts/ClientLogin",
        Serve::body("<html><body>Welcome</body></html>", "text/html"),
    );
    site.route(
        "/cut/accounts/ClientLogin",
        Serve::body("SID=x\nAuth=abc\n", "text/plain"),
    );
    site.route(
        "/cut/reader/api/0/subscription/list?output=json",
        Serve::body(
            r#"{"subscriptions":[{"id":"feed/1","tit"#,
            "application/json",
        ),
    );
    let dir = tempfile::tempdir().unwrap();
    let library = Arc::new(new_library(&dir));
    let before = library.article_count().unwrap();
    for (path, why) in [
        ("/api", "an HTML page"),
        ("/cut", "a truncated JSON answer"),
    ] {
        let id = library
            .add_account(
                AccountKind::GReader,
                &site.url(path),
                USER,
                accounts::FIRST_ITEMS,
                NOW,
            )
            .unwrap();
        let error = accounts::sync_account(
            &library,
            &fetcher(),
            id,
            API_PASSWORD,
            &AccountSyncOptions::default(),
            NOW,
            &Cancel::default(),
        )
        .await
        .unwrap_err();
        assert_eq!(error.code(), Code::AccountAnswer, "{why}: {error}");
    }
    assert_eq!(library.article_count().unwrap(), before, "nothing was lost");

    drop(server);
    let down = a.sync_with(API_PASSWORD).await.unwrap_err();
    assert_eq!(down.code(), Code::Network, "a server that is down: {down}");
}

/// A feed of `n` Persian items (generated: the point is the count).
fn big_feed(n: usize) -> String {
    let items: String = (0..n)
        .map(|i| {
            format!(
                "<item><title>خبر شمارهٔ {i}</title><link>https://example.com/a/{i}</link>\
                 <guid>urn:barg:{i}</guid><description>متن خبر شمارهٔ {i} که می‌خواهیم ببینیم</description>\
                 <pubDate>Mon, 01 Dec 2025 10:{:02}:00 +0000</pubDate></item>",
                i % 60
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>\
         <title>بزرگ</title><link>https://example.com/</link>{items}</channel></rss>"
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_items_arrive_through_continuation_pages_and_are_searchable() {
    let feeds = TestServer::start();
    feeds.route(
        "/big.xml",
        Serve::body(big_feed(10_000), "application/rss+xml"),
    );
    let server = FreshRss::start();
    let a = Device::new(&server);
    subscribe(&a, &feeds.url("/big.xml"), None).await;
    a.library
        .set_account_first_items(a.account, 20_000)
        .unwrap();
    let report = a.sync().await;
    assert_eq!(report.added, 10_000, "every item arrives: {report:?}");
    assert!(
        report.requests >= 10,
        "1,000 items a page: the continuation was followed: {report:?}"
    );
    assert_eq!(a.library.article_count().unwrap(), 10_000);
    let hits = a
        .library
        .search(&SearchQuery {
            text: "شماره 9876".into(),
            limit: 5,
            ..Default::default()
        })
        .unwrap();
    assert!(
        hits.hits
            .iter()
            .any(|h| h.article.title == "خبر شمارهٔ 9876"),
        "the 9,877th item is searchable"
    );
    let again = a.sync().await;
    assert_eq!(
        (again.added, again.updated),
        (0, 0),
        "nothing twice: {again:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_and_saved_go_both_ways_through_the_fever_api() {
    let feeds = TestServer::start();
    feeds.route(
        "/hoder.xml",
        Serve::body(fixture(HODER), "application/rss+xml"),
    );
    let server = FreshRss::start();
    let reader = Device::new(&server);
    let fever = Device::of_kind(AccountKind::Fever, &server.fever_url());
    subscribe(&reader, &feeds.url("/hoder.xml"), Some("وبلاگ‌ها")).await;
    reader.sync().await;
    let first = fever.sync().await;
    assert_eq!(
        first.added, 7,
        "the Fever device gets every item: {first:?}"
    );
    let source = fever
        .account_source()
        .expect("the feed, from the Fever API");
    assert_eq!(
        source.folder.as_deref(),
        Some("وبلاگ‌ها"),
        "its group is its folder"
    );
    let title = "لينکدونی‌ | جلسه‌ی امریکن انترپرایز برای تقسیم قومی ایران";
    assert!(
        fever.article(title).title.contains('\u{200c}'),
        "half-spaces intact"
    );

    // Read and saved on the Fever device reach the other.
    let on_fever = fever.article(title);
    fever.library.set_read(on_fever.id, true, NOW).unwrap();
    fever.library.set_bookmark(on_fever.id, true, NOW).unwrap();
    assert_eq!(fever.sync().await.sent, 2);
    reader.sync().await;
    let on_reader = reader.article(title);
    assert!(
        on_reader.read,
        "read through Fever is read through the Google Reader API"
    );
    assert!(
        on_reader.bookmarked_at.is_some(),
        "saved through Fever is starred"
    );

    // And back: unread and unstarred on the other device.
    reader.library.set_read(on_reader.id, false, NOW).unwrap();
    reader
        .library
        .set_bookmark(on_reader.id, false, NOW)
        .unwrap();
    reader.sync().await;
    let again = fever.sync().await;
    assert_eq!(again.states_changed, 2, "{again:?}");
    let now_on_fever = fever.article(title);
    assert!(!now_on_fever.read && now_on_fever.bookmarked_at.is_none());

    // Fever cannot change subscriptions: Barg refuses, and queues nothing.
    let refused = fever
        .library
        .move_source(source.id, Some("دیگر"))
        .unwrap_err();
    assert_eq!(refused.code(), Code::AccountUnsupported, "{refused}");
    assert_eq!(
        fever
            .library
            .account(fever.account)
            .unwrap()
            .pending_changes,
        0
    );
    let quiet = fever.sync().await;
    assert_eq!(
        (quiet.added, quiet.sent, quiet.states_changed),
        (0, 0, 0),
        "{quiet:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_and_saved_go_both_ways_through_coldsweat_an_independent_fever_server() {
    use crate::support::coldsweat::{self, Coldsweat};
    let feeds = TestServer::start();
    feeds.route(
        "/hoder.xml",
        Serve::body(fixture(HODER), "application/rss+xml"),
    );
    let server = Coldsweat::start(&[feeds.url("/hoder.xml")]);
    let device = || {
        Device::with_login(
            AccountKind::Fever,
            &server.fever_url(),
            coldsweat::USER,
            coldsweat::PASSWORD,
        )
    };
    let (a, b) = (device(), device());
    let first = a.sync().await;
    assert_eq!(
        first.added, 7,
        "every item, by coldsweat's small numeric ids: {first:?}"
    );
    b.sync().await;
    let title = "لينکدونی‌ | بازتاب توقیف شد";
    let on_a = a.article(title);
    a.library.set_read(on_a.id, true, NOW).unwrap();
    a.library.set_bookmark(on_a.id, true, NOW).unwrap();
    assert_eq!(a.sync().await.sent, 2, "coldsweat took both (POSTed marks)");
    b.sync().await;
    let on_b = b.article(title);
    assert!(
        on_b.read && on_b.bookmarked_at.is_some(),
        "read and saved on A, so on B"
    );

    // A saved id coldsweat does not know is answered with an HTML 404:
    // skipped, and the rest of the sync goes on.
    b.library.set_bookmark(on_b.id, false, NOW).unwrap();
    rusqlite::Connection::open(b.library.path())
        .unwrap()
        .execute(
            "INSERT INTO account_changes (account_id, kind, target) VALUES (?1, 'star', '99999')",
            [b.account],
        )
        .unwrap();
    let report = b.sync().await;
    assert_eq!(report.sent, 2, "{report:?} {}", server.log());
    a.sync().await;
    assert!(
        a.article(title).bookmarked_at.is_none(),
        "unsaved on B, so on A"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_sync_takes_only_the_newest_items_even_after_an_empty_one() {
    let feeds = TestServer::start();
    feeds.route(
        "/hoder.xml",
        Serve::body(fixture(HODER), "application/rss+xml"),
    );
    let server = FreshRss::start();
    let a = Device::new(&server);
    let empty = a.sync().await;
    assert_eq!(empty.added, 0, "an account with no subscriptions yet");
    subscribe(&a, &feeds.url("/hoder.xml"), None).await;
    a.library.set_account_first_items(a.account, 3).unwrap();
    let first = a.sync().await;
    assert_eq!(
        first.added, 3,
        "the first sync that finds items takes the newest 3, not the server's whole history: {first:?}"
    );
    let titles: Vec<String> = a.articles().into_iter().map(|x| x.title).collect();
    assert!(
        titles.iter().any(|t| t.contains("جلسه‌ی امریکن انترپرایز")),
        "the newest item is among them: {titles:?}"
    );
    assert_eq!(
        a.sync().await.added,
        0,
        "later syncs ask only for what is new"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_the_server_fetches_later_arrives_in_the_next_sync_and_only_that() {
    let feeds = TestServer::start();
    feeds.route(
        "/hoder.xml",
        Serve::body(fixture(HODER), "application/rss+xml"),
    );
    let server = FreshRss::start();
    let a = Device::new(&server);
    subscribe(&a, &feeds.url("/hoder.xml"), None).await;
    assert_eq!(a.sync().await.added, 7);
    // The feed gets a new item, and the server's cron fetches it.
    let feed = String::from_utf8(fixture(HODER)).unwrap();
    let at = feed.find("<item>").expect("the feed has items");
    let newer = format!(
        "{}<item><title>خبر تازه‌ای که بعداً رسید</title><link>https://example.com/new</link>\
         <guid>urn:barg:new</guid><description>متنی تازه</description></item>{}",
        &feed[..at],
        &feed[at..]
    );
    feeds.route("/hoder.xml", Serve::body(newer, "application/rss+xml"));
    server.refresh();
    let next = a.sync().await;
    assert_eq!(next.added, 1, "only the new item: {next:?}");
    a.article("خبر تازه‌ای که بعداً رسید");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_gets_its_items_even_when_a_feed_of_barg_s_own_has_them_too() {
    let feeds = TestServer::start();
    feeds.route(
        "/hoder.xml",
        Serve::body(fixture(HODER), "application/rss+xml"),
    );
    let server = FreshRss::start();
    let a = Device::new(&server);
    // The same feed, subscribed in Barg before the user moved to a server.
    a.library
        .add_feed(&feeds.url("/hoder.xml"), "Editor: Myself", None, None, NOW)
        .unwrap();
    let local = barg_core::feeds::sync::sync(
        &a.library,
        &fetcher(),
        None,
        &barg_core::feeds::sync::SyncOptions::default(),
        NOW,
        &Cancel::default(),
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!(local.added, 7);
    subscribe(&a, &feeds.url("/hoder.xml"), None).await;
    let synced = a.sync().await;
    assert_eq!(
        synced.added, 7,
        "the account's items are its own, not dropped as copies: {synced:?}"
    );
    // So their states sync: read one of the account's copies.
    let account_source = a.account_source().unwrap().id;
    let copy = a
        .library
        .list_articles(&ArticleFilter {
            source_id: Some(account_source),
            ..Default::default()
        })
        .unwrap()
        .remove(0);
    a.library.set_read(copy.id, true, NOW).unwrap();
    assert_eq!(a.sync().await.sent, 1, "the read reaches the server");
}
