//! End to end, in the real window: the three-pane reader in both
//! directions, keyboard navigation, reader settings and the reading
//! position kept across a restart, and axe-core finding no serious
//! accessibility problem, in Persian and English, light and dark.

use barg_e2e::{Desktop, Result, Window};
use serde_json::{json, Value};

/// The left edge of an element, in CSS pixels.
async fn left(window: &Window, testid: &str) -> Result<f64> {
    Ok(window
        .eval_with(
            "return document.querySelector(`[data-testid=${arguments[0]}]`).getBoundingClientRect().left",
            vec![json!(testid)],
        )
        .await?
        .as_f64()
        .unwrap_or(f64::NAN))
}

/// Presses a key on the focused element, as the keyboard would.
async fn press(window: &Window, key: &str) -> Result<()> {
    window.client.active_element().await?.send_keys(key).await?;
    Ok(())
}

async fn selected_title(window: &Window) -> Result<String> {
    window
        .eval_string(
            "const row = document.querySelector('[data-testid=article-row][aria-selected=true] .article-title');
             return row ? row.textContent.trim() : ''",
        )
        .await
}

/// The reader's scroll position as a share of what can scroll.
const READER_FRACTION: &str = "
    let el = document.querySelector('[data-testid=reader-body]');
    while (el && !(el.scrollHeight > el.clientHeight + 4 && /(auto|scroll)/.test(getComputedStyle(el).overflowY))) el = el.parentElement;
    if (!el) return -1;
    if (arguments.length && arguments[0] !== null) { el.scrollTop = arguments[0] * (el.scrollHeight - el.clientHeight); el.dispatchEvent(new Event('scroll')); }
    return el.scrollTop / Math.max(1, el.scrollHeight - el.clientHeight);";

async fn set_slider(window: &Window, testid: &str, value: f64) -> Result<()> {
    window
        .eval_with(
            "const el = document.querySelector(`[data-testid=${arguments[0]}]`);
             el.value = String(arguments[1]);
             el.dispatchEvent(new Event('input', { bubbles: true }));
             el.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(testid), json!(value)],
        )
        .await?;
    Ok(())
}

/// Chooses a theme in the settings and waits until the page wears it.
async fn set_theme(window: &Window, theme: &str) -> Result<()> {
    window.set_select("settings-theme", theme).await?;
    window
        .wait_for_script(
            &format!("the {theme} theme"),
            &format!("return document.documentElement.dataset.theme === '{theme}'"),
        )
        .await
}

/// The impacts every screen is checked for…
const SERIOUS: &[&str] = &["serious", "critical"];
/// …and those the narrow layout, checked pane by pane, is held to.
const MODERATE_UP: &[&str] = &["moderate", "serious", "critical"];

/// Asserts that axe-core finds no violation of these impacts on the page.
async fn assert_accessible(window: &Window, impacts: &[&str], when: &str) -> Result<()> {
    let violations = axe_violations_at(window, impacts).await?;
    assert!(violations.is_empty(), "axe, {when}: {violations:#?}");
    Ok(())
}

/// Runs axe-core in the page; the violations of the given impacts.
async fn axe_violations_at(window: &Window, impacts: &[&str]) -> Result<Vec<String>> {
    let axe = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../ui/node_modules/axe-core/axe.min.js"),
    )?;
    window.eval(&format!("{axe}\nreturn true;")).await?;
    let result = window
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const impacts = arguments[0];
             axe.run(document, { resultTypes: ['violations'] })
               .then(r => done(r.violations.filter(v => impacts.includes(v.impact))
                  .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
               .catch(e => done(['axe failed: ' + e]));",
            vec![json!(impacts)],
        )
        .await?;
    Ok(match result {
        Value::Array(items) => items
            .into_iter()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .collect(),
        other => vec![format!("unexpected: {other}")],
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_panes_keyboard_settings_position_and_accessibility() -> Result<()> {
    let desktop = Desktop::start()?;
    let data_dir = desktop.new_data_dir("reading")?;
    let window = desktop.launch(&data_dir).await?;
    window.decline_feed_offer().await?;

    // Three panes, mirrored: in Persian the sources pane is on the right.
    assert_eq!(window.eval_string("return document.dir").await?, "rtl");
    let (sources, list, reader) = (
        left(&window, "pane-sources").await?,
        left(&window, "pane-list").await?,
        left(&window, "pane-reader").await?,
    );
    assert!(
        sources > list && list > reader,
        "RTL: sources | list | reader from the right ({sources}, {list}, {reader})"
    );

    // Keyboard: j moves down the list, k back up, Enter opens.
    window.click("[data-testid=article-row]").await?;
    let first = selected_title(&window).await?;
    press(&window, "j").await?;
    let second = selected_title(&window).await?;
    assert_ne!(first, second, "j selects the next article");
    press(&window, "k").await?;
    assert_eq!(selected_title(&window).await?, first, "k goes back");
    press(&window, "j").await?;
    press(&window, "\u{E007}").await?; // Enter
    window.find("[data-testid=reader-title]").await?;
    assert_eq!(
        window
            .text_of("[data-testid=reader-title]")
            .await?
            .replace('\u{200C}', ""),
        second.replace('\u{200C}', ""),
        "Enter opens the selected article"
    );
    press(&window, "?").await?;
    assert_eq!(
        window
            .eval("return document.querySelector('[data-testid=shortcuts-sheet]').open")
            .await?,
        json!(true),
        "? opens the shortcuts sheet"
    );
    window.screenshot("shortcuts-fa").await?;
    press(&window, "\u{E00C}").await?; // Escape

    // Accessibility, Persian, light.
    assert_accessible(&window, SERIOUS, "Persian light").await?;

    // Reader settings apply live.
    window.click("[data-testid=nav-settings]").await?;
    set_slider(&window, "settings-font-size", 24.0).await?;
    set_theme(&window, "dark").await?;
    window.screenshot("settings-fa-dark").await?;
    assert_accessible(&window, SERIOUS, "Persian dark settings").await?;

    // The reading position: scroll half-way through the longest article.
    window.click("[data-testid=nav-library]").await?;
    let rows = window.find_all("[data-testid=article-row]").await?;
    rows[rows.len() - 1].click().await?;
    window.find("[data-testid=reader-body]").await?;
    let article_title = window.text_of("[data-testid=reader-title]").await?;
    window.eval_with(READER_FRACTION, vec![json!(0.5)]).await?;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    window.screenshot("reader-fa-dark").await?;
    window.quit().await?;

    // Restart: settings and position come back.
    let window = desktop.launch(&data_dir).await?;
    assert_eq!(
        window
            .eval_string("return document.documentElement.dataset.theme")
            .await?,
        "dark",
        "the theme survives a restart"
    );
    window
        .eval_with(
            "[...document.querySelectorAll('[data-testid=article-row]')].find(r => r.querySelector('.article-title').textContent.trim() === arguments[0])?.click()",
            vec![json!(article_title.trim())],
        )
        .await?;
    window.find("[data-testid=reader-body]").await?;
    let font = window
        .eval_string(
            "return getComputedStyle(document.querySelector('[data-testid=reader-body]')).fontSize",
        )
        .await?;
    assert_eq!(font, "24px", "the font size survives a restart");
    window
        .wait_for_script(
            "the reading position to come back",
            &format!("return (function() {{ {READER_FRACTION} }})() > 0.4"),
        )
        .await?;

    // English: the layout mirrors, Persian text keeps its own direction.
    window.switch_to_english().await?;
    window.click("[data-testid=nav-library]").await?;
    let (sources, list, reader) = (
        left(&window, "pane-sources").await?,
        left(&window, "pane-list").await?,
        left(&window, "pane-reader").await?,
    );
    assert!(
        sources < list && list < reader,
        "LTR: sources | list | reader from the left"
    );
    let reader_dir = window
        .eval_string("return getComputedStyle(document.querySelector('[data-testid=reader-body]')).direction")
        .await?;
    assert_eq!(
        reader_dir, "rtl",
        "a Persian article stays right to left in the English interface"
    );
    window.screenshot("reader-en-dark").await?;
    assert_accessible(&window, SERIOUS, "English dark").await?;
    window.click("[data-testid=nav-settings]").await?;
    set_theme(&window, "light").await?;
    window.screenshot("settings-en-light").await?;
    assert_accessible(&window, SERIOUS, "English light settings").await?;
    window.quit().await?;
    Ok(())
}

/// In the narrow layout: `pane` is the one pane on screen, and axe finds
/// nothing, moderate problems included (a main landmark, a level-one heading).
async fn only_pane_and_accessible(window: &Window, pane: &str, when: &str) -> Result<()> {
    let shown = window
        .eval_string("return [...document.querySelectorAll('.pane')].filter(p => p.offsetParent !== null).map(p => p.dataset.testid).join(',')")
        .await?;
    assert_eq!(shown, pane, "{when}: one pane on screen");
    assert_accessible(window, MODERATE_UP, &format!("narrow, {when}")).await
}

/// A narrow window shows one pane at a time, with a back action; each of the
/// three has its main landmark and its level-one heading, and axe finds
/// nothing down to moderate problems, in Persian and English.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn narrow_window_one_pane_at_a_time() -> Result<()> {
    let desktop = Desktop::start()?;
    let data_dir = desktop.new_data_dir("narrow")?;
    let window = desktop.launch(&data_dir).await?;
    window.decline_feed_offer().await?;
    window.client.set_window_size(600, 800).await?;
    window
        .wait_for_script(
            "the narrow layout",
            "return document.querySelector('.panes').dataset.narrowPane === 'list'",
        )
        .await?;
    for language in ["fa", "en"] {
        if language == "en" {
            window.switch_to_english().await?;
            window.click("[data-testid=nav-library]").await?;
        }
        only_pane_and_accessible(&window, "pane-list", &format!("{language}, the list")).await?;

        window
            .click("[data-testid=pane-list] [data-testid=back-button]")
            .await?;
        only_pane_and_accessible(
            &window,
            "pane-sources",
            &format!("{language}, back to the sources"),
        )
        .await?;
        window
            .screenshot(&format!("narrow-sources-{language}"))
            .await?;

        window.click("[data-testid=smart-all]").await?;
        window.click("[data-testid=article-row]").await?;
        window.find("[data-testid=reader-title]").await?;
        only_pane_and_accessible(
            &window,
            "pane-reader",
            &format!("{language}, an article opened"),
        )
        .await?;
        window
            .screenshot(&format!("narrow-reader-{language}"))
            .await?;
        window
            .click("[data-testid=pane-reader] [data-testid=back-button]")
            .await?;
    }
    window.quit().await?;
    Ok(())
}
