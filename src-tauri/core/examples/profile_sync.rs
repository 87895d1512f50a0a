// Throwaway profiling driver (not committed): sync N feeds × M items served
// by the test server into a fresh library.
#[path = "../tests/support/server.rs"]
mod server;
use std::sync::Arc;
fn main() {
    let feeds: usize = std::env::var("FEEDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let items: usize = std::env::var("ITEMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let server = server::TestServer::start();
    let words: Vec<&str> = "این یک متن آزمون برای سنجش سرعت همگام سازی خوراک های فارسی است که با واژه های پرکاربرد ساخته شده و نیم‌فاصله‌ها را دارد".split(' ').collect();
    let dir = tempfile::tempdir().unwrap();
    let library = Arc::new(barg_core::Library::open(&dir.path().join("l.sqlite")).unwrap());
    let mut seed = 7u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for f in 0..feeds {
        let mut body = String::new();
        for i in 0..items {
            let mut text = String::new();
            for _ in 0..150 {
                text.push_str(words[(next() % words.len() as u64) as usize]);
                text.push(' ');
            }
            body.push_str(&format!("<item><guid>f{f}-{i}</guid><link>http://n{f}.example/{i}</link><title>خبر {f} {i} {}</title><pubDate>Mon, 24 Nov 2025 10:00:00 +0000</pubDate><description><![CDATA[<p>{text}</p><p>{text}</p>]]></description></item>", next()));
        }
        let path = format!("/f{f}.xml");
        server.route(
            &path,
            server::Route::body(
                format!("<rss version=\"2.0\"><channel><title>f{f}</title>{body}</channel></rss>"),
                "application/rss+xml",
            ),
        );
        library
            .add_feed(&server.url(&path), &path, None, None, 1)
            .unwrap();
    }
    let fetcher = Arc::new(barg_core::feeds::fetch::Fetcher::new(Default::default()).unwrap());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let t = std::time::Instant::now();
    let report = rt
        .block_on(barg_core::feeds::sync::sync(
            &library,
            &fetcher,
            None,
            &Default::default(),
            2,
            &Default::default(),
            |_| {},
        ))
        .unwrap();
    eprintln!("{} added in {:?}", report.added, t.elapsed());
}
