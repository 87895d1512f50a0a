//! Low bandwidth on the command line, against a real server on 127.0.0.1:
//! `net text-only`, `feeds images`, `route folder`, and `page ID` fetching
//! one summary's page when asked.

use std::path::Path;
use std::process::Output;

use crate::support::server::{Route, TestServer, TINY_PNG};
use crate::support::{barg_command, core_fixture};

fn barg(data: &Path, args: &[&str]) -> Output {
    let output = barg_command(data, args).output().unwrap();
    assert!(
        output.status.success(),
        "barg {args:?} succeeds: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn json(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("«{l}» is JSON: {e}")))
        .collect()
}

#[test]
fn text_only_image_policy_and_folder_routes_are_kept_and_a_page_comes_when_asked() {
    let server = TestServer::start();
    let page = std::fs::read(core_fixture(
        "html/persian-news-pages/api/fixtures/www.isna.ir/1558105248971.html",
    ))
    .unwrap();
    server.route("/story.html", Route::body(page, "text/html; charset=utf-8"));
    server.route("/a.png", Route::body(TINY_PNG, "image/png"));
    let long_text = "این متن کامل خبر است و خلاصه نیست. ".repeat(30);
    let feed = format!(
        "<rss version=\"2.0\"><channel><title>خبرها</title>\
         <item><guid>s</guid><link>{}</link><title>خلاصه</title><description>فقط خلاصهٔ خبر</description></item>\
         <item><guid>p</guid><link>http://news.invalid/p</link><title>عکس‌دار</title>\
         <description><![CDATA[<p>{long_text}</p><img src=\"{}\">]]></description></item>\
         </channel></rss>",
        server.url("/story.html"),
        server.url("/a.png"),
    );
    server.route("/f.xml", Route::body(feed, "application/rss+xml"));
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("barg");
    let added = json(&barg(
        &data,
        &[
            "--json",
            "feeds",
            "add",
            &server.url("/f.xml"),
            "--folder",
            "خارجی",
        ],
    ));
    let id = added[0]["id"]
        .as_i64()
        .expect("the new feed's id")
        .to_string();

    let settings = json(&barg(&data, &["--json", "net", "text-only", "on"]));
    assert_eq!(
        settings[0]["textOnly"], true,
        "text only is on: {settings:?}"
    );
    let settings = json(&barg(
        &data,
        &["--json", "route", "folder", "خارجی", "direct"],
    ));
    assert_eq!(
        settings[0]["folderRoutes"]["خارجی"], "direct",
        "the folder's route is kept, with text only still on: {settings:?}"
    );
    assert_eq!(settings[0]["textOnly"], true);
    let images = json(&barg(&data, &["--json", "feeds", "images", &id, "first"]));
    assert_eq!(images[0]["images"], "first");
    let listed = json(&barg(&data, &["--json", "feeds", "list"]));
    assert_eq!(listed[0]["images"], "first", "feeds list shows the policy");

    barg(&data, &["sync"]);
    assert_eq!(
        (server.hits("/story.html"), server.hits("/a.png")),
        (0, 0),
        "text only: the sync fetched the feed and nothing else"
    );
    let articles = json(&barg(&data, &["--json", "list", "--all"]));
    let summary = articles
        .iter()
        .find(|a| a["title"] == "خلاصه")
        .expect("the summary is listed");
    assert_eq!(
        summary["summaryOnly"], true,
        "the list says it is a summary"
    );
    let article_id = summary["id"].as_i64().unwrap().to_string();

    let fetched = json(&barg(&data, &["--json", "page", &article_id]));
    assert_eq!(fetched[0]["page"], "filled", "asked for, the page comes");
    assert_eq!(server.hits("/story.html"), 1);
    let shown = String::from_utf8(barg(&data, &["show", &article_id]).stdout).unwrap();
    assert!(
        shown.chars().count() > 600 && shown.contains('\u{200C}'),
        "show prints the whole article, half-spaces intact"
    );
    let again = json(&barg(&data, &["--json", "page", &article_id]));
    assert_eq!(
        again[0]["page"], "not-summary",
        "a whole article has no page to fetch"
    );

    let off = json(&barg(
        &data,
        &["--json", "route", "folder", "خارجی", "default"],
    ));
    assert!(
        off[0]["folderRoutes"].get("خارجی").is_none(),
        "default gives the folder back to the route for everything: {off:?}"
    );
}
