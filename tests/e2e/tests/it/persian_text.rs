//! Persian text from any source, in the real window: a feed written with
//! spaces where half-spaces belong, read with repair on and off; a Hugo
//! site's English-framed name around a Persian one, read in order and cut at
//! its end in the sources pane and the list header, in Persian and English;
//! and a Jalali date range typed into the search filters.

use barg_e2e::{import_with_cli, Desktop, Result, Window};
use serde_json::{json, Value};

/// A Hugo site's feed name: an English frame around a Persian name, long
/// enough to be cut in the sources pane.
const FEED_NAME: &str = "Blogs on امیررضا قادری، برنامه‌نویس نرم‌افزار آزاد، تهران، ایران";

/// Its first item: every half-space typed as a space.
const SPACED_TITLE: &str = "گفت و گو با خبرنگاران درباره موضع گیری های دولت";
const SPACED_TITLE_REPAIRED: &str =
    "گفت\u{200c}وگو با خبرنگاران درباره موضع\u{200c}گیری\u{200c}های دولت";
const SPACED_BODY: &str =
    "آنها می گویند که مهم ترین خبر این هفته سه شنبه رسید و رئیس جمهور درباره آن گفت و گو کرد.";

/// The feed file: three items a week or two apart (noon UTC, so each is the
/// same day in any time zone the machine has).
fn feed_xml() -> String {
    let items = [
        (
            "1",
            SPACED_TITLE,
            SPACED_BODY,
            "Fri, 04 Dec 2026 12:00:00 GMT",
        ),
        (
            "2",
            "خبر پاییزی",
            "یک خبر کوتاه از آبان.",
            "Fri, 20 Nov 2026 12:00:00 GMT",
        ),
        (
            "3",
            "خبر زمستانی",
            "یک خبر کوتاه از آذر.",
            "Thu, 10 Dec 2026 12:00:00 GMT",
        ),
    ];
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>{FEED_NAME}</title>\
         <link>https://amirreza.example/</link><description>Recent content</description>"
    );
    for (guid, title, body, date) in items {
        xml.push_str(&format!(
            "<item><guid>https://amirreza.example/{guid}</guid><title>{title}</title>\
             <link>https://amirreza.example/{guid}</link><pubDate>{date}</pubDate>\
             <description>&lt;p&gt;{body}&lt;/p&gt;</description></item>"
        ));
    }
    xml.push_str("</channel></rss>\n");
    xml
}

/// Where the words of the feed's name are drawn, in the sources pane's
/// `[data-testid=source-name]` or the list header: its direction, the left
/// edges of "Blogs" and of the Persian name, whether "Blogs" is inside the
/// visible box, and whether the name is cut.
async fn name_layout(window: &Window, css: &str) -> Result<Value> {
    window
        .eval_with(
            "const el = [...document.querySelectorAll(arguments[0])]
                 .find(e => e.textContent.startsWith('Blogs on'));
             if (!el) return null;
             const node = el.firstChild;
             const text = node.textContent;
             const range = document.createRange();
             const rect = (from, to) => { range.setStart(node, from); range.setEnd(node, to); return range.getBoundingClientRect(); };
             const blogs = rect(0, 5);
             const at = text.search(/[\\u0600-\\u06ff]/);
             const name = rect(at, at + 1);
             const box = el.getBoundingClientRect();
             const full = el.title || text;
             return {
                 dir: getComputedStyle(el).direction,
                 blogsLeft: blogs.left, nameLeft: name.left,
                 blogsVisible: blogs.left >= box.left - 1 && blogs.right <= box.right + 1,
                 nameVisible: name.left >= box.left - 1 && name.right <= box.right + 1,
                 cut: /…[\\u200e\\u200f]$/.test(text) && full.startsWith(text.slice(0, -2)),
                 fits: el.scrollWidth <= el.clientWidth + 1,
                 text,
             };",
            vec![json!(css)],
        )
        .await
}

fn assert_reads_in_order(layout: &Value, must_be_cut: bool, where_: &str) {
    assert_eq!(
        layout["dir"], "ltr",
        "{where_}: the English-framed name reads left to right: {layout}"
    );
    assert!(
        layout["blogsLeft"].as_f64() < layout["nameLeft"].as_f64(),
        "{where_}: «Blogs on» comes before the Persian name, not after it: {layout}"
    );
    assert_eq!(
        layout["blogsVisible"], true,
        "{where_}: the name's start stays readable: {layout}"
    );
    assert_eq!(
        layout["nameVisible"], true,
        "{where_}: the Persian part's first letter shows too, not its end: {layout}"
    );
    assert_eq!(
        layout["fits"], true,
        "{where_}: what shows fits the box: {layout}"
    );
    if must_be_cut {
        assert_eq!(
            layout["cut"], true,
            "{where_}: the long name is cut at its logical end, a start of the whole name and «…»: {layout}"
        );
    }
}

/// Opens the list row whose title, without half-spaces and spaces, is
/// `title`'s, and waits for the reader.
async fn open_row(window: &Window, title: &str) -> Result<()> {
    let key = json!(title.replace(['\u{200C}', ' '], ""));
    let find = format!(
        "return [...document.querySelectorAll('[data-testid=article-row]')]
            .findIndex(r => r.querySelector('.article-title').textContent.replace(/[\\u200c ]/g, '').trim() === {key});"
    );
    window
        .wait_for_script(
            "the row in the list",
            &find.replace("return ", "return -1 !== "),
        )
        .await?;
    let index = window.eval(&find).await?.as_u64().ok_or("the row index")? as usize;
    window.find_all("[data-testid=article-row] .open").await?[index]
        .click()
        .await?;
    window
        .wait_for_script(
            "the reader with the article",
            &format!(
                "const t = document.querySelector('[data-testid=reader-title]');
                 return !!t && t.textContent.replace(/[\\u200c ]/g, '').trim() === {key};"
            ),
        )
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spaced_text_names_and_jalali_dates() -> Result<()> {
    let desktop = Desktop::start()?;
    let data_dir = desktop.new_data_dir("persian-text")?;
    let feed = data_dir.with_file_name("hugo-feed.xml");
    std::fs::write(&feed, feed_xml())?;
    import_with_cli(&data_dir, &feed)?;
    let window = desktop.launch(&data_dir).await?;
    window.decline_feed_offer().await?;

    // (a) The Hugo name in the sources pane: in order, its start readable.
    window
        .wait_for_script(
            "the feed in the sources pane",
            "return [...document.querySelectorAll('[data-testid=source-name]')].some(e => e.textContent.startsWith('Blogs on'))",
        )
        .await?;
    let pane = name_layout(&window, "[data-testid=source-name]").await?;
    assert_reads_in_order(&pane, true, "sources pane, Persian interface");
    // Its list: the header reads in order too.
    window
        .eval(
            "[...document.querySelectorAll('[data-testid=source-item]')]
                .find(b => b.textContent.includes('Blogs on')).click()",
        )
        .await?;
    window
        .wait_for_script(
            "the feed's list",
            "return document.querySelector('#list-heading .list-title-text')?.textContent.startsWith('Blogs on')",
        )
        .await?;
    let header = name_layout(&window, "#list-heading .list-title-text").await?;
    assert_reads_in_order(&header, false, "list header, Persian interface");
    let row = name_layout(&window, "[data-testid=article-row] .source").await?;
    assert_reads_in_order(&row, false, "an article row's source, Persian interface");
    window.screenshot("hugo-name-fa").await?;

    // (b) The spaced article, repair on (the default): every half-space back.
    let titles = window
        .eval("return [...document.querySelectorAll('[data-testid=article-row] .article-title')].map(t => t.textContent.trim())")
        .await?;
    assert!(
        titles
            .as_array()
            .is_some_and(|t| t.iter().any(|t| t == SPACED_TITLE_REPAIRED)),
        "the list shows the title repaired, as the reader does: {titles}"
    );
    open_row(&window, SPACED_TITLE).await?;
    assert_eq!(
        window.text_of("[data-testid=reader-title]").await?.trim(),
        SPACED_TITLE_REPAIRED,
        "the title's spaced half-spaces are repaired"
    );
    let source = name_layout(&window, "[data-testid=reader] .meta .source").await?;
    assert_reads_in_order(
        &source,
        false,
        "the reader's source line, Persian interface",
    );
    let body = window.text_of("[data-testid=reader-body]").await?;
    for word in [
        "می\u{200c}گویند",
        "مهم\u{200c}ترین",
        "سه\u{200c}شنبه",
        "رئیس\u{200c}جمهور",
        "گفت\u{200c}وگو",
    ] {
        assert!(
            body.contains(word),
            "the repaired body shows «{word}»: {body}"
        );
    }
    for phrase in ["این هفته", "درباره آن"] {
        assert!(
            body.contains(phrase),
            "true phrases stay two words: «{phrase}» in {body}"
        );
    }
    // Tapping a repaired word says why it was joined.
    let tapped = window
        .eval(
            "const w = [...document.querySelectorAll('[data-testid=reader-body] span.repaired')]
                 .find(s => s.textContent === 'می\\u200cگویند');
             if (!w) return null;
             w.click();
             return w.dataset.join;",
        )
        .await?;
    assert_eq!(
        tapped,
        json!("mi"),
        "«می‌گویند» is marked as repaired, a می verb"
    );
    window
        .wait_for_script(
            "the explanation",
            "return !!document.querySelector('[data-testid=reader-repair-why]')",
        )
        .await?;
    let why = window.text_of("[data-testid=reader-repair-why]").await?;
    assert!(
        why.contains("می\u{200c}گویند") && why.contains("پیشوند"),
        "the explanation names the word and the verb prefix rule: {why}"
    );
    window.screenshot("spaced-repaired-fa").await?;
    window
        .click("[data-testid=reader-repair-why-close]")
        .await?;

    // Repair off in the settings: the text exactly as the feed wrote it.
    window.click("[data-testid=nav-settings]").await?;
    window.click("[data-testid=settings-repair]").await?;
    window
        .wait_for_script(
            "repair off",
            "return document.querySelector('[data-testid=settings-repair]').checked === false",
        )
        .await?;
    window.click("[data-testid=nav-library]").await?;
    open_row(&window, SPACED_TITLE).await?;
    window
        .wait_for_script(
            "the original text",
            &format!(
                "return document.querySelector('[data-testid=reader-body]').innerText.includes({})",
                json!(SPACED_BODY)
            ),
        )
        .await?;
    assert_eq!(
        window.text_of("[data-testid=reader-title]").await?.trim(),
        SPACED_TITLE
    );
    window.screenshot("spaced-original-fa").await?;
    window.click("[data-testid=nav-settings]").await?;
    window.click("[data-testid=settings-repair]").await?;
    window.click("[data-testid=nav-library]").await?;

    // (c) A Jalali range in the search filters: ۱۴۰۵/۰۹/۱۰ to ۱۴۰۵/۰۹/۱۵ is
    // 2026-12-01 to 2026-12-06, which holds only the spaced article's day.
    window
        .find("[data-testid=search-input]")
        .await?
        .send_keys("خبر")
        .await?;
    window
        .wait_for_script(
            "the three articles among the hits (the sample library has more)",
            "return document.querySelectorAll('[data-testid=search-hit]').length >= 3",
        )
        .await?;
    let field_type = window
        .eval_string("return document.querySelector('[data-testid=search-from]').type")
        .await?;
    assert_eq!(
        field_type, "text",
        "with the Jalali calendar the day is typed, not picked from a Gregorian calendar"
    );
    for (testid, day) in [("search-from", "1405/09/10"), ("search-to", "۱۴۰۵/۰۹/۱۵")] {
        let field = window.find(&format!("[data-testid={testid}]")).await?;
        field.send_keys(&format!("{day}\u{E007}")).await?;
    }
    window
        .wait_for_script(
            "one hit in the range",
            "return document.querySelectorAll('[data-testid=search-hit]').length === 1",
        )
        .await?;
    let shown = window
        .eval("return ['search-from', 'search-to'].map(t => document.querySelector(`[data-testid=${t}]`).value)")
        .await?;
    assert_eq!(
        shown,
        json!(["۱۴۰۵/۰۹/۱۰", "۱۴۰۵/۰۹/۱۵"]),
        "the fields show the days in Jalali with Persian digits"
    );
    let hit = window
        .text_of("[data-testid=search-hit] .article-title")
        .await?;
    assert_eq!(
        hit.replace(['\u{200C}', ' '], ""),
        SPACED_TITLE.replace(' ', ""),
        "the article of 1405/09/13 (2026-12-04) is the one in range"
    );
    window.screenshot("search-jalali-fa").await?;
    window.eval("document.querySelector('[data-testid=search-input]').value = ''; document.querySelector('[data-testid=search-input]').dispatchEvent(new Event('input', { bubbles: true }))").await?;

    // (d) The same name in the English interface.
    window.switch_to_english().await?;
    window.click("[data-testid=nav-library]").await?;
    let pane = name_layout(&window, "[data-testid=source-name]").await?;
    assert_reads_in_order(&pane, true, "sources pane, English interface");
    window.screenshot("hugo-name-en").await?;
    window.quit().await?;
    Ok(())
}
