//! End to end, in the real window: the 278 hostile payloads of
//! `src-tauri/core/tests/fixtures/hostile/` arrive in a feed file, and every
//! one of them is opened in the reader. None may run (the canary they try
//! to set stays unset, the title stays), none may make the web view fetch
//! anything (their "remote" host is a server on 127.0.0.1 that counts
//! requests: it must see none), and the window never navigates away.

use crate::server;
use barg_e2e::{import_with_cli, Desktop, Result, Window};
use serde_json::{json, Value};

const CORPUS: &str = "../../src-tauri/core/tests/fixtures/hostile/payloads.jsonl";

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

async fn reader_title(window: &Window) -> Result<String> {
    window
        .eval_string("const t = document.querySelector('[data-testid=reader-title]'); return t ? t.textContent : ''")
        .await
}

async fn assert_inert(window: &Window, after: &str) -> Result<()> {
    let state = window
        .eval("return [window.__barg_canary === undefined && (!window.parent || window.parent.__barg_canary === undefined), document.title, location.protocol + '//' + location.host]")
        .await?;
    assert_eq!(state[0], json!(true), "the canary was set after {after}");
    assert_ne!(
        state[1],
        json!("PWNED"),
        "the title was changed after {after}"
    );
    assert!(
        matches!(
            state[2].as_str(),
            Some("tauri://localhost" | "http://tauri.localhost")
        ),
        "the window navigated away after {after}: {}",
        state[2]
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_hostile_payload_runs_or_fetches_anything_in_the_reader() -> Result<()> {
    let remote = server::TestServer::start();
    let host = remote.url("");
    let corpus =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS))?;
    let payloads: Vec<Value> = corpus
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<std::result::Result<_, _>>()?;
    assert!(
        payloads.len() >= 100,
        "the corpus has {} payloads",
        payloads.len()
    );
    let items: String = payloads
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let html = p["html"].as_str().unwrap_or_default().replace("https://evil.example", &host);
            format!(
                "<item><guid>hostile-{n}</guid><title>{}</title><description><![CDATA[<p>payload {n}</p>{}]]></description></item>",
                xml_escape(&format!("payload {n} {}", p["id"].as_str().unwrap_or_default())),
                html.replace("]]>", "]]]]><![CDATA[>"),
            )
        })
        .collect();
    let desktop = Desktop::start()?;
    let data_dir = desktop.new_data_dir("hostile")?;
    let feed = data_dir.join("hostile.xml");
    std::fs::write(&feed, format!("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>hostile</title>{items}</channel></rss>"))?;
    import_with_cli(&data_dir, &feed)?;

    let window = desktop.launch(&data_dir).await?;
    assert_inert(&window, "start").await?;
    window
        .eval_with(
            "[...document.querySelectorAll('[data-testid=source-item]')].find(e => e.textContent.includes('hostile'))?.click()",
            vec![],
        )
        .await?;
    window
        .wait_for_script(
            "the hostile feed's list",
            "return Number(document.querySelector('[data-testid=article-list]')?.dataset.totalRows) >= 100",
        )
        .await?;
    window.click("[data-testid=article-row]").await?;
    let mut seen = std::collections::HashSet::new();
    let mut title = String::new();
    for step in 0..payloads.len() {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
        loop {
            let now = reader_title(&window).await?;
            if !now.is_empty() && now != title {
                title = now;
                seen.insert(title.clone());
                break;
            }
            if std::time::Instant::now() > deadline {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        if step % 25 == 0 {
            assert_inert(&window, &format!("opening «{title}»")).await?;
        }
        if step + 1 == payloads.len() {
            break;
        }
        window.client.active_element().await?.send_keys("j").await?;
    }
    // Give anything deferred (timers, animations, lazy images) time to fire.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_inert(&window, "every payload").await?;
    window.screenshot("hostile-last-fa").await?;
    let opened = seen.len();
    assert!(
        opened + 5 >= payloads.len(),
        "the reader showed {opened} of {} payloads",
        payloads.len()
    );
    assert_eq!(
        remote.total_hits(),
        0,
        "the web view fetched from the 'remote' host"
    );
    window.quit().await?;
    println!("{opened} payloads opened in the reader; canary unset; 0 requests to the remote host");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_show_their_target_and_open_in_the_browser_only_on_a_click() -> Result<()> {
    let desktop = Desktop::start()?;
    let data_dir = desktop.new_data_dir("links")?;
    let feed = data_dir.join("links.xml");
    // The link's text claims one address; its target is another.
    std::fs::write(
        &feed,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>links</title>\
         <item><guid>l1</guid><title>پیوندی که چیز دیگری می‌گوید</title><description><![CDATA[\
         <p>برای ورود به حساب روی <a href=\"https://example.org/real-target\">https://bank.example/login</a> بزنید.</p>]]></description></item>\
         </channel></rss>",
    )?;
    import_with_cli(&data_dir, &feed)?;
    let window = desktop.launch(&data_dir).await?;
    window
        .eval("[...document.querySelectorAll('[data-testid=article-row]')].find(r => r.textContent.includes('پیوندی'))?.click()")
        .await?;
    window.find("[data-testid=reader-body] a").await?;

    // Pointing at the link shows where it really goes.
    window
        .eval("document.querySelector('[data-testid=reader-body] a').dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))")
        .await?;
    let status = window.text_of("[data-testid=reader-link-status]").await?;
    assert!(
        status.contains("example.org/real-target"),
        "the status shows the real target: {status}"
    );
    assert!(
        !status.contains("bank.example"),
        "not the address the text claims: {status}"
    );

    // A script's click opens nothing; the user's click opens the browser.
    window
        .eval("document.querySelector('[data-testid=reader-body] a').click()")
        .await?;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert!(
        desktop.opened_links().is_empty(),
        "a scripted click opened {:?}",
        desktop.opened_links()
    );
    window
        .eval("document.querySelector('[data-testid=reader-body] a').scrollIntoView({ block: 'center' })")
        .await?;
    window.click("[data-testid=reader-body] a").await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while desktop.opened_links().is_empty() && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        desktop.opened_links(),
        vec!["https://example.org/real-target".to_owned()],
        "the user's click opened the real target in the system browser"
    );
    assert_eq!(
        desktop.browser_javascript_options(),
        Vec::<String>::new(),
        "the browser Barg launched must not inherit the JavaScriptCore options Barg set for its own web view (a WebKit browser would run every site without its optimizing compilers)"
    );
    assert_inert(&window, "clicking the link").await?;
    window.quit().await?;
    Ok(())
}
