//! End to end, in the real window: a new user's first start in Persian,
//! reading, bookmarking, switching to English, and a restart.
//!
//! One journey per test function; each starts its own display and driver.

use barg_e2e::{Desktop, Result, Window};
use serde_json::json;

/// The first Persian story of the bundled sample (scraped-news-fa.txt).
const FIRST_STORY_TITLE: &str =
    "رؤسای جمهور روسیه و آمریکا در یک مکالمه تلفنی ۵۰ دقیقهای درباره موضوعات مختلف گفتوگو کردند.";
/// Its title as the list and the reader show it with repair on (the
/// default): the lost half-spaces back.
const FIRST_STORY_LISTED: &str =
    "رؤسای جمهور روسیه و آمریکا در یک مکالمه تلفنی ۵۰ دقیقه\u{200c}ای درباره موضوعات مختلف گفت\u{200c}وگو کردند.";
/// A sentence of its body, exactly as the source has it.
const FIRST_STORY_SENTENCE: &str =
    "پیش از این، پوتین و بایدن در تاریخ 7 دسامبر (16 آذر ماه) در ارتباطی ویدئویی";
/// The mixed Persian/English sample article, which has its half-spaces.
const MIXED_TITLE: &str = "Rust و Tauri: برنامه‌های دسکتاپ سبک برای خواندن فارسی";

async fn html_attr(window: &Window, name: &str) -> Result<String> {
    window
        .eval_string(&format!(
            "return document.documentElement.getAttribute('{name}')"
        ))
        .await
}

async fn computed(window: &Window, css: &str, property: &str) -> Result<String> {
    Ok(window
        .eval_with(
            "return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1])",
            vec![json!(css), json!(property)],
        )
        .await?
        .as_str()
        .unwrap_or_default()
        .to_owned())
}

/// Clicks the list row whose title is `title` (once the list shows it) and
/// waits for the reader.
async fn open_article(window: &Window, title: &str) -> Result<()> {
    let row_index = format!(
        "return [...document.querySelectorAll('[data-testid=article-row]')]
            .findIndex(r => r.querySelector('.article-title').textContent.trim() === {});",
        json!(title)
    );
    // The reader may show the title with its lost half-spaces repaired.
    window
        .wait_for_script(
            &format!("the list to show «{title}»"),
            &row_index.replace("return ", "return -1 !== "),
        )
        .await?;
    let index = window
        .eval(&row_index)
        .await?
        .as_u64()
        .ok_or("the row index")? as usize;
    let buttons = window.find_all("[data-testid=article-row] .open").await?;
    buttons[index].click().await?;
    window
        .wait_for_script(
            "the reader with the article",
            &format!(
                "const t = document.querySelector('[data-testid=reader-title]');
                 return !!t && t.textContent.trim().replaceAll('\\u200c', '') === {};",
                json!(title.replace('\u{200C}', ""))
            ),
        )
        .await
}

async fn select_language(window: &Window, language: &str) -> Result<()> {
    window.click("[data-testid=nav-settings]").await?;
    window
        .click(&format!(
            "[data-testid=settings-language] option[value={language}]"
        ))
        .await?;
    window
        .wait_for_script(
            "the interface language to switch",
            &format!("return document.documentElement.lang === '{language}'"),
        )
        .await
}

async fn nav_labels(window: &Window) -> Result<Vec<String>> {
    let mut labels = Vec::new();
    for id in ["nav-library", "nav-bookmarks", "nav-settings"] {
        labels.push(
            window
                .text_of(&format!("[data-testid={id}]"))
                .await?
                .trim()
                .to_owned(),
        );
    }
    Ok(labels)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_start_read_bookmark_switch_language_and_restart() -> Result<()> {
    let desktop = Desktop::start()?;
    let data_dir = desktop.new_data_dir("first-start")?;
    let window = desktop.launch(&data_dir).await?;

    // (a) The first start is Persian, right to left, with the sample library.
    assert_eq!(
        html_attr(&window, "lang").await?,
        "fa",
        "Barg is Persian-first"
    );
    assert_eq!(
        html_attr(&window, "dir").await?,
        "rtl",
        "a Persian interface runs right to left"
    );
    let titles: Vec<String> = {
        let mut titles = Vec::new();
        for title in window
            .find_all("[data-testid=article-row] .article-title")
            .await?
        {
            titles.push(window.inner_text(&title).await?.trim().to_owned());
        }
        titles
    };
    assert!(
        titles.len() >= 4,
        "the sample library has at least four articles: {titles:?}"
    );
    assert!(
        titles.iter().any(|t| t == FIRST_STORY_LISTED),
        "the first scraped story is listed, repaired as the reader shows it: {titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("آندری کارتاپولوف: موافقت پوتین")),
        "the second scraped story is listed on its own: {titles:?}"
    );
    let font = computed(
        &window,
        "[data-testid=article-row] .article-title",
        "font-family",
    )
    .await?;
    assert!(
        font.trim_start_matches(['"', '\''])
            .starts_with("Vazirmatn"),
        "Persian titles use Vazirmatn: {font}"
    );
    let vazirmatn_loaded = window
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             document.fonts.load('16px Vazirmatn', 'برگ').then(faces => done(faces.length > 0), () => done(false));",
            vec![],
        )
        .await?;
    assert_eq!(
        vazirmatn_loaded,
        json!(true),
        "the bundled Vazirmatn font loads offline"
    );
    let list_text = window.text_of("[data-testid=pane-list]").await?;
    assert!(
        list_text.contains("۷ دی ۱۴۰۰"),
        "dates are Jalali with Persian digits: {list_text}"
    );
    window.screenshot("library-fa").await?;

    // (b) Open the first Persian story. Half-space repair is on by default:
    // the scraped text lost its half-spaces, the reader shows them back.
    open_article(&window, FIRST_STORY_LISTED).await?;
    let title = window.text_of("[data-testid=reader-title]").await?;
    assert_eq!(
        title.trim(),
        FIRST_STORY_LISTED,
        "the list and the reader show the title the same way"
    );
    for word in ["دقیقه‌ای", "گفت‌وگو"] {
        assert!(
            title.contains(word),
            "the repaired title shows «{word}»: {title}"
        );
    }
    let body = window.text_of("[data-testid=reader-body]").await?;
    for words in [
        "رئیس‌جمهور آمریکا",
        "تنش‌ها",
        "می‌شود",
        "۷ دسامبر (۱۶ آذر ماه)",
    ] {
        assert!(
            body.contains(words),
            "the repaired body shows «{words}»: {body}"
        );
    }
    window.screenshot("reader-fa").await?;
    // «Show the original»: the text exactly as stored.
    window.click("[data-testid=reader-show-original]").await?;
    window
        .wait_for_script(
            "the original text",
            &format!(
                "return document.querySelector('[data-testid=reader-body]').innerText.includes({})",
                json!(FIRST_STORY_SENTENCE)
            ),
        )
        .await?;
    assert_eq!(
        window.text_of("[data-testid=reader-title]").await?.trim(),
        FIRST_STORY_TITLE
    );
    window.screenshot("reader-fa-original").await?;
    window.click("[data-testid=reader-show-original]").await?;
    assert!(
        !body.contains("دیدگاه تان را بنویسید"),
        "the comment-box line is not part of the article"
    );
    assert_eq!(
        computed(&window, "[data-testid=reader-body]", "direction").await?,
        "rtl"
    );
    let line_height = computed(&window, "[data-testid=reader-body] p", "line-height").await?;
    let font_size = computed(&window, "[data-testid=reader-body] p", "font-size").await?;
    let ratio = line_height.trim_end_matches("px").parse::<f64>()?
        / font_size.trim_end_matches("px").parse::<f64>()?;
    assert!(
        (1.75..=2.05).contains(&ratio),
        "body line height suits long Persian reading: {line_height} / {font_size}"
    );

    // (c) Bookmark it; it appears in Bookmarks.
    window.click("[data-testid=reader-bookmark]").await?;
    window
        .wait_for_script(
            "the bookmark to be set",
            "return document.querySelector('[data-testid=reader-bookmark]').getAttribute('aria-pressed') === 'true'",
        )
        .await?;
    window.click("[data-testid=nav-bookmarks]").await?;
    window
        .wait_for_script(
            "the bookmark in the Bookmarks view",
            &format!(
                "return [...document.querySelectorAll('[data-testid=article-row] .article-title')]
                    .some(t => t.textContent.trim() === {})",
                json!(FIRST_STORY_LISTED)
            ),
        )
        .await?;

    // Half-spaces that the source has are kept: the mixed article.
    window.click("[data-testid=nav-library]").await?;
    open_article(&window, MIXED_TITLE).await?;
    let body = window.text_of("[data-testid=reader-body]").await?;
    for word in ["برنامه‌های", "می‌شوند", "سیستم‌عامل", "رئیس‌جمهور"]
    {
        assert!(
            body.contains(word),
            "the half-space in «{word}» is kept: {body}"
        );
    }
    assert!(
        body.contains("(version 2.12)"),
        "a Latin run inside Persian stays whole: {body}"
    );

    // (d) Switch to English: the interface mirrors, Persian text stays right to left.
    select_language(&window, "en").await?;
    assert_eq!(
        html_attr(&window, "dir").await?,
        "ltr",
        "an English interface runs left to right"
    );
    assert_eq!(
        nav_labels(&window).await?,
        ["Library", "Bookmarks", "Settings"],
        "navigation speaks English"
    );
    window.click("[data-testid=nav-library]").await?;
    window.find("[data-testid=article-row]").await?;
    let list_text = window.text_of("[data-testid=pane-list]").await?;
    assert!(
        list_text.contains("Dec 28, 2021"),
        "dates are Gregorian in English: {list_text}"
    );
    window.screenshot("library-en").await?;
    open_article(&window, FIRST_STORY_LISTED).await?;
    assert_eq!(
        computed(&window, "[data-testid=reader-body]", "direction").await?,
        "rtl",
        "a Persian article stays right to left in the English interface"
    );
    assert_eq!(
        computed(&window, "[data-testid=reader-title]", "direction").await?,
        "rtl"
    );
    window.screenshot("reader-en").await?;

    // (e) Quit and start again on the same library.
    window.quit().await?;
    let window = desktop.launch(&data_dir).await?;
    assert_eq!(
        html_attr(&window, "lang").await?,
        "en",
        "the language choice survives a restart"
    );
    assert_eq!(html_attr(&window, "dir").await?, "ltr");
    assert_eq!(
        nav_labels(&window).await?,
        ["Library", "Bookmarks", "Settings"]
    );
    window.click("[data-testid=nav-bookmarks]").await?;
    window
        .wait_for_script(
            "the bookmark after a restart",
            &format!(
                "return [...document.querySelectorAll('[data-testid=article-row] .article-title')]
                    .some(t => t.textContent.trim() === {})",
                json!(FIRST_STORY_LISTED)
            ),
        )
        .await?;
    window.screenshot("bookmarks-en").await?;

    // Back to Persian, live: every label changes and the layout mirrors again.
    select_language(&window, "fa").await?;
    assert_eq!(html_attr(&window, "dir").await?, "rtl");
    assert_eq!(
        nav_labels(&window).await?,
        ["کتابخانه", "نشانک‌ها", "تنظیمات"],
        "navigation speaks Persian again"
    );
    window.screenshot("settings-fa").await?;
    window.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_finds_every_spelling_and_opens_a_hit() -> Result<()> {
    let desktop = Desktop::start()?;
    let data_dir = desktop.new_data_dir("search")?;
    let window = desktop.launch(&data_dir).await?;

    // Arabic yeh, spaced compound: the library writes it three other ways.
    window
        .find("[data-testid=search-input]")
        .await?
        .send_keys("رييس جمهور")
        .await?;
    window
        .wait_for_script(
            "three search hits",
            "return document.querySelectorAll('[data-testid=search-hit]').length === 3",
        )
        .await?;
    let marks = window
        .eval("return [...document.querySelectorAll('[data-testid=search-results] mark')].map(m => m.textContent)")
        .await?;
    let marks: Vec<String> = serde_json::from_value(marks)?;
    assert!(
        marks.iter().any(|m| m == "رئیس\u{200c}جمهور"),
        "«رئیس‌جمهور» is marked: {marks:?}"
    );
    assert!(
        marks.iter().all(|m| m.contains('\u{200c}')),
        "the joined and the spaced spellings are marked as the reader shows them, with their half-space: {marks:?}"
    );
    window.screenshot("search-fa").await?;

    let hit_title = window
        .text_of("[data-testid=search-hit] .article-title")
        .await?;
    window.click("[data-testid=search-hit] .open").await?;
    window.find("[data-testid=reader-body]").await?;
    let reader_title = window.text_of("[data-testid=reader-title]").await?;
    assert_eq!(
        reader_title.replace('\u{200C}', ""),
        hit_title.replace('\u{200C}', ""),
        "the hit opens in the reader"
    );
    window.quit().await?;
    Ok(())
}
